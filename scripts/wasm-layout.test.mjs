// The promise the release build's `wasm-opt --low-memory-unused` relies on (index.html): the
// lowest 1 KB of the wasm's memory is never used. It holds when no data segment starts below
// 1 KB and the stack (which grows down from its first address) starts far above it, so only a
// stack overflow of almost all of it could reach that kilobyte. Read from the built dist/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** Reads an unsigned or signed LEB128 at `at`: [value, next offset]. */
function leb(bytes, at, signed = false) {
  let [value, shift, byte] = [0, 0, 0];
  do {
    byte = bytes[at++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  if (signed && shift < 32 && byte & 0x40) value |= -1 << shift;
  return [value, at];
}

/** The sections of a wasm module: id -> [start, end] of its contents. */
function sections(bytes) {
  const found = new Map();
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    found.set(id, [start, start + size]);
    at = start + size;
  }
  return found;
}

/** The value of an `i32.const N; end` initialiser at `at`: [N, next offset]. */
function i32Const(bytes, at) {
  assert.equal(bytes[at], 0x41, "an i32.const initialiser");
  const [value, next] = leb(bytes, at + 1, true);
  assert.equal(bytes[next], 0x0b, "a constant expression ends");
  return [value, next + 1];
}

// The reader's build, and the kiosk build when there is one (scripts/build-kiosk).
for (const dir of ["dist", "dist/kiosk"].filter((dir) => dir === "dist" || existsSync(dir))) test(`${dir}: the release wasm uses no memory below 1 KB (wasm-opt --low-memory-unused)`, () => {
  const name = readdirSync(dir).find((n) => n.endsWith("_bg.wasm"));
  const bytes = readFileSync(`${dir}/${name}`);
  const all = sections(bytes);
  // Data (11): every active segment's offset.
  const [dataStart] = all.get(11);
  let [count, at] = leb(bytes, dataStart);
  const offsets = [];
  for (; count > 0; count--) {
    const [flags, next] = leb(bytes, at);
    assert.equal(flags, 0, "active segments in memory 0");
    const [offset, afterOffset] = i32Const(bytes, next);
    const [size, body] = leb(bytes, afterOffset);
    offsets.push(offset);
    at = body + size;
  }
  assert.ok(offsets.length > 0 && Math.min(...offsets) >= 1024, `data from ${Math.min(...offsets)}`);
  // Globals (6): the stack pointer is the first mutable i32; it starts high and grows down.
  const [globalStart] = all.get(6);
  [count, at] = leb(bytes, globalStart);
  const mutableI32 = [];
  for (; count > 0; count--) {
    const [type, mutable] = [bytes[at], bytes[at + 1]];
    const [value, next] = type === 0x7f ? i32Const(bytes, at + 2) : [null, null];
    assert.ok(next !== null, "only i32 globals");
    if (mutable) mutableI32.push(value);
    at = next;
  }
  assert.ok(mutableI32[0] >= 512 * 1024, `stack from ${mutableI32[0]} down: a stack this deep never reaches 1 KB`);
});
