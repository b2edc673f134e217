/// Limited-memory BFGS with a backtracking (Armijo) line search, for smooth convex objectives.
///
/// Stops when the gradient's largest component falls to `tolerance` (an absolute bound, as
/// scipy's `pgtol`, which scikit-learn sets to its `tol` on the objective divided by `C·n`) and
/// to a tenth of its starting value,
/// when a step no longer lowers the objective measurably, or after `maxIterations`.
struct LBFGS {
    /// Number of correction pairs kept.
    var memory = 10
    /// Bound on the gradient's maximum absolute component.
    var tolerance: Double
    /// Iteration limit.
    var maxIterations: Int

    /// The minimiser's result.
    struct Result {
        var x: [Double]
        var value: Double
        var iterations: Int
    }

    /// Minimises `evaluate`, which returns f(x) and writes ∇f(x) into its second argument.
    ///
    /// - Parameter preconditioner: a positive diagonal approximating the inverse Hessian; the
    ///   initial inverse-Hessian estimate of each iteration is this diagonal scaled by
    ///   `sᵀy / yᵀDy` (Nocedal & Wright, eq. 7.20, with `D` in place of the identity), and the
    ///   first step is `−D∇f`. Without one, the identity (first step normalised to unit length).
    func minimize(start: [Double], preconditioner: [Double]? = nil, _ evaluate: ([Double], inout [Double]) -> Double) -> Result {
        let n = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: n)
        var value = evaluate(x, &gradient)
        // Never stop before the gradient has shrunk tenfold: on large data sets tol·C·n can exceed
        // the starting gradient, and stopping at the zero vector would return no model at all.
        let bound = min(tolerance, 0.1 * maxMagnitude(gradient))
        guard bound > 0 else { return Result(x: x, value: value, iterations: 0) }
        var steps: [[Double]] = []
        var changes: [[Double]] = []
        var rhos: [Double] = []
        var direction = [Double](repeating: 0, count: n)
        var candidate = [Double](repeating: 0, count: n)
        var candidateGradient = [Double](repeating: 0, count: n)
        let diagonal = preconditioner ?? [Double](repeating: 1, count: n)
        var iteration = 0
        var stalls = 0
        while iteration < maxIterations, maxMagnitude(gradient) > bound {
            iteration += 1
            negate(gradient, into: &direction)
            var alphas = [Double](repeating: 0, count: steps.count)
            for pair in stride(from: steps.count - 1, through: 0, by: -1) {
                alphas[pair] = rhos[pair] * dot(steps[pair], direction)
                axpy(-alphas[pair], changes[pair], &direction)
            }
            let scale: Double
            if let lastStep = steps.last, let lastChange = changes.last {
                scaledProduct(lastChange, diagonal, 1, into: &candidate)
                scale = dot(lastStep, lastChange) / dot(candidate, lastChange)
            } else {
                scale = preconditioner == nil ? 1 / norm(gradient) : 1
            }
            multiply(&direction, by: diagonal, scale)
            for pair in 0..<steps.count {
                let beta = rhos[pair] * dot(changes[pair], direction)
                axpy(alphas[pair] - beta, steps[pair], &direction)
            }
            var slope = dot(gradient, direction)
            if slope >= 0 {
                steps.removeAll(); changes.removeAll(); rhos.removeAll()
                negate(gradient, into: &direction)
                multiply(&direction, by: diagonal, preconditioner == nil ? 1 / norm(gradient) : 1)
                slope = dot(gradient, direction)
            }
            var step = 1.0
            var newValue = value
            var accepted = false
            for _ in 0..<60 {
                combine(x, step, direction, into: &candidate)
                newValue = evaluate(candidate, &candidateGradient)
                if newValue <= value + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            let full = steps.count == memory
            var s = full ? steps.removeFirst() : [Double](repeating: 0, count: n)
            var y = full ? changes.removeFirst() : [Double](repeating: 0, count: n)
            if full { rhos.removeFirst() }
            combine(candidate, -1, x, into: &s)
            combine(candidateGradient, -1, gradient, into: &y)
            let curvature = dot(s, y)
            if curvature > 1e-12 * dot(y, y) {
                steps.append(s); changes.append(y); rhos.append(1 / curvature)
            }
            let decrease = value - newValue
            swap(&x, &candidate)
            swap(&gradient, &candidateGradient)
            value = newValue
            stalls = decrease <= 1e-15 * max(abs(value), 1) ? stalls + 1 : 0
            if stalls >= 3 { break }
        }
        return Result(x: x, value: value, iterations: iteration)
    }
}

/// Σ a·b, in four interleaved partial sums (a fixed order, so results repeat exactly).
@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            var sums = (0.0, 0.0, 0.0, 0.0)
            let count = a.count
            var index = 0
            while index &+ 4 <= count {
                sums.0 += a[index] * b[index]
                sums.1 += a[index &+ 1] * b[index &+ 1]
                sums.2 += a[index &+ 2] * b[index &+ 2]
                sums.3 += a[index &+ 3] * b[index &+ 3]
                index &+= 4
            }
            while index < count {
                sums.0 += a[index] * b[index]
                index &+= 1
            }
            return (sums.0 + sums.1) + (sums.2 + sums.3)
        }
    }
}

/// The largest absolute component.
@inline(__always)
func maxMagnitude(_ a: [Double]) -> Double {
    a.withUnsafeBufferPointer { a in
        var largest = 0.0
        for value in a { largest = max(largest, abs(value)) }
        return largest
    }
}

/// The Euclidean norm.
@inline(__always)
func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

/// y += alpha·x.
@inline(__always)
func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    x.withUnsafeBufferPointer { x in
        y.withUnsafeMutableBufferPointer { y in
            for index in 0..<x.count { y[index] += alpha * x[index] }
        }
    }
}

/// out = a + alpha·b, elementwise.
@inline(__always)
func combine(_ a: [Double], _ alpha: Double, _ b: [Double], into out: inout [Double]) {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { out in
                for index in 0..<a.count { out[index] = a[index] + alpha * b[index] }
            }
        }
    }
}

/// out = −a.
@inline(__always)
func negate(_ a: [Double], into out: inout [Double]) {
    a.withUnsafeBufferPointer { a in
        out.withUnsafeMutableBufferPointer { out in
            for index in 0..<a.count { out[index] = -a[index] }
        }
    }
}

/// a = a ∘ b · alpha, elementwise.
@inline(__always)
func multiply(_ a: inout [Double], by b: [Double], _ alpha: Double) {
    b.withUnsafeBufferPointer { b in
        a.withUnsafeMutableBufferPointer { a in
            for index in 0..<a.count { a[index] *= b[index] * alpha }
        }
    }
}

/// out = a ∘ b · alpha, elementwise.
@inline(__always)
func scaledProduct(_ a: [Double], _ b: [Double], _ alpha: Double, into out: inout [Double]) {
    a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
            out.withUnsafeMutableBufferPointer { out in
                for index in 0..<a.count { out[index] = a[index] * b[index] * alpha }
            }
        }
    }
}
