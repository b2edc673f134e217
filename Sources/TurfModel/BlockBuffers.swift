/// One reusable, cache-line aligned `Double` buffer per row block of a parallel pass, each
/// written by one worker only.
///
/// A gradient pass over a million rows needs a full-size partial gradient per block; allocating
/// them afresh on every pass costs page faults and zero-filling that rival the pass itself.
final class BlockBuffers: @unchecked Sendable {
    /// Number of buffers.
    let blocks: Int
    /// Length of each buffer.
    let size: Int
    private let base: UnsafeMutablePointer<Double>

    /// `blocks` buffers of `size` zeros; each starts on a 64-byte boundary.
    init(blocks: Int, size: Int) {
        self.blocks = blocks
        self.size = (size + 7) / 8 * 8
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, blocks * self.size) * 8, alignment: 64)
        base = raw.bindMemory(to: Double.self, capacity: max(1, blocks * self.size))
        base.initialize(repeating: 0, count: max(1, blocks * self.size))
    }

    deinit { UnsafeMutableRawPointer(base).deallocate() }

    /// Buffer `index`, for the one worker that owns it.
    func block(_ index: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: base + index * size, count: size)
    }
}
