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

    /// One correction pair `s = x₊ − x`, `y = ∇f₊ − ∇f`, with `ρ = 1/sᵀy` and `yᵀDy`.
    private struct Pair {
        var step: [Double]
        var change: [Double]
        var rho: Double
        var weightedChange: Double
    }

    /// Minimises `evaluate`, which returns f(x) and writes ∇f(x) into its second argument.
    ///
    /// - Parameter preconditioner: a positive diagonal `D` approximating the inverse Hessian; the
    ///   initial inverse-Hessian estimate of each iteration is `D` scaled by `sᵀy / yᵀDy`
    ///   (Nocedal & Wright, eq. 7.20, with `D` in place of the identity), and the first step is
    ///   `−D∇f`. Without one, the identity (first step normalised to unit length).
    /// - Complexity: per iteration, one or more evaluations and about `2 × memory + 6` passes
    ///   over vectors of the parameter count (the two-loop recursion with its dot products fused
    ///   into the updates).
    func minimize(start: [Double], preconditioner: [Double]? = nil, _ evaluate: ([Double], inout [Double]) -> Double) -> Result {
        let n = start.count
        var x = start
        var gradient = [Double](repeating: 0, count: n)
        var value = evaluate(x, &gradient)
        // Never stop before the gradient has shrunk tenfold: on large data sets tol·C·n can exceed
        // the starting gradient, and stopping at the zero vector would return no model at all.
        let bound = min(tolerance, 0.1 * maxMagnitude(gradient))
        guard bound > 0 else { return Result(x: x, value: value, iterations: 0) }
        let diagonal = preconditioner ?? [Double](repeating: 1, count: n)
        var pairs: [Pair] = []
        var direction = [Double](repeating: 0, count: n)
        var candidate = [Double](repeating: 0, count: n)
        var candidateGradient = [Double](repeating: 0, count: n)
        var iteration = 0
        var stalls = 0
        while iteration < maxIterations, maxMagnitude(gradient) > bound {
            iteration += 1
            searchDirection(&direction, gradient: gradient, pairs: pairs, diagonal: diagonal, identity: preconditioner == nil)
            var slope = dot(gradient, direction)
            if slope >= 0 {
                pairs.removeAll()
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
            var pair = pairs.count == memory
                ? pairs.removeFirst()
                : Pair(step: [Double](repeating: 0, count: n), change: [Double](repeating: 0, count: n), rho: 0, weightedChange: 0)
            let products = differences(candidate, x, candidateGradient, gradient, diagonal, step: &pair.step, change: &pair.change)
            if products.sy > 1e-12 * products.yy {
                pair.rho = 1 / products.sy
                pair.weightedChange = products.yDy
                pairs.append(pair)
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

    /// The two-loop recursion: `direction = −H∇f` for the L-BFGS inverse-Hessian estimate `H`.
    private func searchDirection(_ direction: inout [Double], gradient: [Double], pairs: [Pair], diagonal: [Double], identity: Bool) {
        let count = pairs.count
        negate(gradient, into: &direction)
        var alphas = [Double](repeating: 0, count: count)
        if count > 0 {
            var product = dot(pairs[count - 1].step, direction)
            for index in stride(from: count - 1, through: 0, by: -1) {
                alphas[index] = pairs[index].rho * product
                if index > 0 {
                    product = axpyDot(-alphas[index], pairs[index].change, &direction, pairs[index - 1].step)
                } else {
                    axpy(-alphas[index], pairs[index].change, &direction)
                }
            }
        }
        guard let newest = pairs.last else {
            multiply(&direction, by: diagonal, identity ? 1 / norm(gradient) : 1)
            return
        }
        let scale = 1 / (newest.rho * newest.weightedChange)
        var product = multiplyDot(&direction, by: diagonal, scale, pairs[0].change)
        for index in 0..<count {
            let coefficient = alphas[index] - pairs[index].rho * product
            if index + 1 < count {
                product = axpyDot(coefficient, pairs[index].step, &direction, pairs[index + 1].change)
            } else {
                axpy(coefficient, pairs[index].step, &direction)
            }
        }
    }
}

/// y += alpha·x, returning z·y (the updated y) in the same pass.
@inline(__always)
func axpyDot(_ alpha: Double, _ x: [Double], _ y: inout [Double], _ z: [Double]) -> Double {
    x.withUnsafeBufferPointer { x in
        z.withUnsafeBufferPointer { z in
            y.withUnsafeMutableBufferPointer { y in
                var sums = (0.0, 0.0, 0.0, 0.0)
                let count = x.count
                var index = 0
                while index &+ 4 <= count {
                    y[index] += alpha * x[index]
                    y[index &+ 1] += alpha * x[index &+ 1]
                    y[index &+ 2] += alpha * x[index &+ 2]
                    y[index &+ 3] += alpha * x[index &+ 3]
                    sums.0 += z[index] * y[index]
                    sums.1 += z[index &+ 1] * y[index &+ 1]
                    sums.2 += z[index &+ 2] * y[index &+ 2]
                    sums.3 += z[index &+ 3] * y[index &+ 3]
                    index &+= 4
                }
                while index < count {
                    y[index] += alpha * x[index]
                    sums.0 += z[index] * y[index]
                    index &+= 1
                }
                return (sums.0 + sums.1) + (sums.2 + sums.3)
            }
        }
    }
}

/// a = a ∘ b · alpha, returning z·a (the updated a) in the same pass.
@inline(__always)
func multiplyDot(_ a: inout [Double], by b: [Double], _ alpha: Double, _ z: [Double]) -> Double {
    b.withUnsafeBufferPointer { b in
        z.withUnsafeBufferPointer { z in
            a.withUnsafeMutableBufferPointer { a in
                var sums = (0.0, 0.0, 0.0, 0.0)
                let count = a.count
                var index = 0
                while index &+ 4 <= count {
                    a[index] *= b[index] * alpha
                    a[index &+ 1] *= b[index &+ 1] * alpha
                    a[index &+ 2] *= b[index &+ 2] * alpha
                    a[index &+ 3] *= b[index &+ 3] * alpha
                    sums.0 += z[index] * a[index]
                    sums.1 += z[index &+ 1] * a[index &+ 1]
                    sums.2 += z[index &+ 2] * a[index &+ 2]
                    sums.3 += z[index &+ 3] * a[index &+ 3]
                    index &+= 4
                }
                while index < count {
                    a[index] *= b[index] * alpha
                    sums.0 += z[index] * a[index]
                    index &+= 1
                }
                return (sums.0 + sums.1) + (sums.2 + sums.3)
            }
        }
    }
}

/// s = x₊ − x and y = g₊ − g in one pass, with sᵀy, yᵀy and yᵀDy.
@inline(__always)
func differences(_ newX: [Double], _ x: [Double], _ newGradient: [Double], _ gradient: [Double], _ diagonal: [Double],
                 step: inout [Double], change: inout [Double]) -> (sy: Double, yy: Double, yDy: Double) {
    var sy = 0.0, yy = 0.0, yDy = 0.0
    newX.withUnsafeBufferPointer { newX in
        x.withUnsafeBufferPointer { x in
            newGradient.withUnsafeBufferPointer { newGradient in
                gradient.withUnsafeBufferPointer { gradient in
                    diagonal.withUnsafeBufferPointer { diagonal in
                        step.withUnsafeMutableBufferPointer { step in
                            change.withUnsafeMutableBufferPointer { change in
                                for index in 0..<x.count {
                                    let s = newX[index] - x[index]
                                    let y = newGradient[index] - gradient[index]
                                    step[index] = s
                                    change[index] = y
                                    sy += s * y
                                    yy += y * y
                                    yDy += y * diagonal[index] * y
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    return (sy, yy, yDy)
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

