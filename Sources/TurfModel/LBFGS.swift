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
    func minimize(start: [Double], _ evaluate: ([Double], inout [Double]) -> Double) -> Result {
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
        var iteration = 0
        var stalls = 0
        while iteration < maxIterations, maxMagnitude(gradient) > bound {
            iteration += 1
            for index in 0..<n { direction[index] = -gradient[index] }
            var alphas = [Double](repeating: 0, count: steps.count)
            for pair in stride(from: steps.count - 1, through: 0, by: -1) {
                alphas[pair] = rhos[pair] * dot(steps[pair], direction)
                axpy(-alphas[pair], changes[pair], &direction)
            }
            if let lastStep = steps.last, let lastChange = changes.last {
                let scale = dot(lastStep, lastChange) / dot(lastChange, lastChange)
                for index in 0..<n { direction[index] *= scale }
            } else {
                let scale = 1 / norm(gradient)
                for index in 0..<n { direction[index] *= scale }
            }
            for pair in 0..<steps.count {
                let beta = rhos[pair] * dot(changes[pair], direction)
                axpy(alphas[pair] - beta, steps[pair], &direction)
            }
            var slope = dot(gradient, direction)
            if slope >= 0 {
                steps.removeAll(); changes.removeAll(); rhos.removeAll()
                let scale = 1 / norm(gradient)
                for index in 0..<n { direction[index] = -gradient[index] * scale }
                slope = dot(gradient, direction)
            }
            var step = 1.0
            var newValue = value
            var accepted = false
            for _ in 0..<60 {
                for index in 0..<n { candidate[index] = x[index] + step * direction[index] }
                newValue = evaluate(candidate, &candidateGradient)
                if newValue <= value + 1e-4 * step * slope { accepted = true; break }
                step *= 0.5
            }
            guard accepted else { break }
            let full = steps.count == memory
            var s = full ? steps.removeFirst() : [Double](repeating: 0, count: n)
            var y = full ? changes.removeFirst() : [Double](repeating: 0, count: n)
            if full { rhos.removeFirst() }
            for index in 0..<n {
                s[index] = candidate[index] - x[index]
                y[index] = candidateGradient[index] - gradient[index]
            }
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

@inline(__always)
func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for index in 0..<a.count { sum += a[index] * b[index] }
    return sum
}

@inline(__always)
func maxMagnitude(_ a: [Double]) -> Double {
    var largest = 0.0
    for value in a { largest = max(largest, abs(value)) }
    return largest
}

@inline(__always)
func norm(_ a: [Double]) -> Double { dot(a, a).squareRoot() }

@inline(__always)
func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    for index in 0..<x.count { y[index] += alpha * x[index] }
}
