#!/bin/sh
# Pre-extracts DJL's PyTorch native libraries at image build time, into exactly the folder that
# DJL 0.33 (ai.djl.pytorch.jni.LibUtils) looks up before extracting anything itself:
#
#   $CACHE_DIR/pytorch/<version>-<flavor>-<classifier>/libtorch.so, ...   (from pytorch-native-*.jar)
#   $CACHE_DIR/pytorch/<version>-<flavor>-<classifier>/<djl>-libdjl_torch.so (from pytorch-jni-*.jar)
#
# With DJL_CACHE_DIR=$CACHE_DIR at run time, DJL finds libtorch.so there and loads it in place,
# so the cache can stay read-only (root-owned) and nothing is written on start-up.
#
# Why not simply run the app once at build time? DJL only picks the cu124 jar when it detects a
# GPU, and image builds have none: for the CUDA image it would refuse the jar and (offline) fail.
# This script reads the same pytorch.properties DJL reads, so it works for both flavors.
#
# usage: extract-djl-natives.sh QUARKUS_APP_DIR CACHE_DIR
# needs: sh, find, sed, and the JDK's `jar` tool (present in the Maven build image).
set -eu

app_dir=${1:?usage: extract-djl-natives.sh QUARKUS_APP_DIR CACHE_DIR}
cache_dir=${2:?usage: extract-djl-natives.sh QUARKUS_APP_DIR CACHE_DIR}
# absolute paths: the extraction below runs in a scratch directory
app_dir=$(cd "$app_dir" && pwd)
mkdir -p "$cache_dir"
cache_dir=$(cd "$cache_dir" && pwd)

# exactly one jar matching $1 under the fast-jar's lib/ folders
find_one() {
    found=$(find "$app_dir/lib" \( -type f -o -type l \) -name "$1")
    count=$(printf '%s' "$found" | grep -c . || true)
    if [ "$count" != 1 ]; then
        echo "extract-djl-natives: expected one $1 under $app_dir/lib, found $count" >&2
        exit 1
    fi
    printf '%s\n' "$found"
}

# value of key $2 in properties file $1
prop() {
    value=$(sed -n "s/^$2=//p" "$1" | tr -d '\r')
    if [ -z "$value" ]; then
        echo "extract-djl-natives: no '$2' in $1" >&2
        exit 1
    fi
    printf '%s\n' "$value"
}

native_jar=$(find_one '*pytorch-native-*.jar')
jni_jar=$(find_one '*pytorch-jni-*.jar')
engine_jar=$(find_one '*pytorch-engine-*.jar')

# work inside the cache's file system, so the final moves are renames (the CUDA libs are 4 GB)
work=$(mktemp -d "$cache_dir/.extract.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

jar xf "$native_jar" native/lib/pytorch.properties
jar xf "$engine_jar" pytorch-engine.properties
version=$(prop native/lib/pytorch.properties version)
flavor=$(prop native/lib/pytorch.properties flavor)
classifier=$(prop native/lib/pytorch.properties classifier)
libraries=$(prop native/lib/pytorch.properties libraries)
djl_version=$(prop pytorch-engine.properties djl_version)

target="$cache_dir/pytorch/$version-$flavor-$classifier"
rm -rf "$target"
mkdir -p "$work/out"

# one pass over the jar (2.46 GB for cu124), then keep exactly the libraries it declares
jar xf "$native_jar" "pytorch/$flavor/$classifier/"
for lib in $(printf '%s' "$libraries" | tr ',' ' '); do
    mv "pytorch/$flavor/$classifier/$lib" "$work/out/$lib"
done
if [ ! -f "$work/out/libtorch.so" ]; then
    echo "extract-djl-natives: libtorch.so missing from $native_jar" >&2
    exit 1
fi

jar xf "$jni_jar" "jnilib/$classifier/$flavor/libdjl_torch.so"
mv "jnilib/$classifier/$flavor/libdjl_torch.so" "$work/out/$djl_version-libdjl_torch.so"

chmod 0755 "$work/out"
chmod 0644 "$work/out"/*
mkdir -p "$cache_dir/pytorch"
mv "$work/out" "$target"
chmod 0755 "$cache_dir" "$cache_dir/pytorch"

echo "extract-djl-natives: $flavor natives for PyTorch $version / DJL $djl_version in $target:"
ls -l "$target"
