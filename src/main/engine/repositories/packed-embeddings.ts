// One model's image vectors in memory, packed: row i is vectors[i * dim … (i + 1) * dim),
// asset ids[i]. Rows are replaced in place, added at the end (the buffer doubles) and
// removed by moving the last row into the gap, so a change costs one row, not a re-read of
// 200 MB (100,000 × 512 floats) while the AI job embeds the library.
export class PackedEmbeddings {
  private idsBuf: Float64Array;
  private vectorsBuf: Float32Array;
  private size = 0;
  readonly rowOf = new Map<number, number>();

  constructor(
    readonly dim: number,
    capacity = 1024,
  ) {
    this.idsBuf = new Float64Array(Math.max(1, capacity));
    this.vectorsBuf = new Float32Array(Math.max(1, capacity) * dim);
  }

  get count(): number {
    return this.size;
  }

  get ids(): Float64Array {
    return this.idsBuf.subarray(0, this.size);
  }

  get vectors(): Float32Array {
    return this.vectorsBuf.subarray(0, this.size * this.dim);
  }

  /** A row's bytes as stored (Float32 LE on a little-endian host), or floats. */
  set(id: number, vector: Uint8Array | Float32Array): void {
    let row = this.rowOf.get(id);
    if (row === undefined) {
      if (this.size === this.idsBuf.length) this.grow();
      row = this.size++;
      this.rowOf.set(id, row);
      this.idsBuf[row] = id;
    }
    if (vector instanceof Float32Array) this.vectorsBuf.set(vector, row * this.dim);
    else new Uint8Array(this.vectorsBuf.buffer).set(vector, row * this.dim * 4);
  }

  delete(id: number): void {
    const row = this.rowOf.get(id);
    if (row === undefined) return;
    const last = --this.size;
    this.rowOf.delete(id);
    if (row !== last) {
      const moved = this.idsBuf[last] as number;
      this.idsBuf[row] = moved;
      this.rowOf.set(moved, row);
      this.vectorsBuf.copyWithin(row * this.dim, last * this.dim, (last + 1) * this.dim);
    }
  }

  private grow(): void {
    const ids = new Float64Array(this.idsBuf.length * 2);
    ids.set(this.idsBuf);
    const vectors = new Float32Array(ids.length * this.dim);
    vectors.set(this.vectorsBuf);
    this.idsBuf = ids;
    this.vectorsBuf = vectors;
  }
}
