package io.gdwct.model.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HostTensorTest {

    @Test
    void shapeMustMatchTheData() {
        assertThrows(IllegalArgumentException.class, () -> HostTensor.ofFloat32(new long[] {2, 3}, new float[5]));
        assertThrows(IllegalArgumentException.class, () -> HostTensor.ofFloat32(new long[] {-1, -2}, new float[2]));
        assertThrows(IllegalArgumentException.class,
                () -> HostTensor.ofFloat32(new long[] {1L << 40, 1L << 40}, new float[0]));
        assertThrows(NullPointerException.class, () -> new HostTensor(null, new long[0], new float[1]));
        assertEquals(0, HostTensor.ofFloat32(new long[] {1L << 40, 0}, new float[0]).numel());
    }

    @Test
    void describesItsShape() {
        HostTensor t = HostTensor.ofFloat32(new long[] {8, 3, 7, 7}, new float[8 * 3 * 7 * 7]);
        assertEquals("(8, 3, 7, 7)", t.shapeString());
        assertEquals(1176, t.numel());
        assertEquals(4, t.rank());
        assertArrayEquals(new int[] {8, 3, 7, 7}, t.intShape());
        assertEquals("(1)", HostTensor.ofFloat32(new long[] {1}, new float[1]).shapeString());
        assertEquals("()", HostTensor.ofFloat32(new long[] {}, new float[1]).shapeString());
        assertEquals("HostTensor[float32 (8, 3, 7, 7)]", t.toString());
    }

    @Test
    void equalityComparesContents() {
        HostTensor a = new HostTensor("int64", new long[] {2}, new float[] {1, 2});
        assertEquals(a, new HostTensor("int64", new long[] {2}, new float[] {1, 2}));
        assertEquals(a.hashCode(), new HostTensor("int64", new long[] {2}, new float[] {1, 2}).hashCode());
        assertNotEquals(a, new HostTensor("float32", new long[] {2}, new float[] {1, 2}));
        assertNotEquals(a, new HostTensor("int64", new long[] {1, 2}, new float[] {1, 2}));
        assertNotEquals(a, new HostTensor("int64", new long[] {2}, new float[] {1, 3}));
    }

    @Test
    void halfPrecisionConversionCoversSpecialValues() {
        assertEquals(65504f, ElementType.halfToFloat((short) 0x7bff));
        assertEquals(0x1p-14f, ElementType.halfToFloat((short) 0x0400)); // smallest normal
        assertEquals(0x3ffp-24f, ElementType.halfToFloat((short) 0x03ff)); // largest subnormal
        assertEquals(-0f, ElementType.halfToFloat((short) 0x8000));
        assertEquals(Float.NEGATIVE_INFINITY, ElementType.halfToFloat((short) 0xfc00));
        assertEquals(Float.NaN, ElementType.halfToFloat((short) 0x7e00));
    }
}
