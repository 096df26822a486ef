package io.gdwct.image;

/** A range of bytes inside an image file: where a segment's or chunk's payload starts and its length. */
record Span(int offset, int length) {
}
