#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One signal's actions grouped by item and ordered by time, with the counts the weights and
/// the null model need.
struct SignalIndex: Sendable {
    let signal: CoordinationSignal
    let settings: SignalSettings
    /// Actions sorted by (key, time, account).
    let actions: [Action]
    /// Start of each item's run in `actions`, plus `actions.count` at the end.
    let groupStarts: [Int]
    /// Distinct accounts per item.
    let groupAccounts: [Int32]
    /// Distinct items per account (the account's activity in this signal).
    let activity: [Int32]
    /// Accounts with any action in this signal.
    let activeAccounts: Int
    /// Sum of `activity`: (account, item) incidences.
    let incidences: Int

    /// Groups `actions` of `signal`, taking the array over (it is left empty) so it is sorted
    /// in place.
    /// - Complexity: O(n log n) for n actions.
    init(signal: CoordinationSignal, settings: SignalSettings, actions unsorted: inout [Action], accountCount: Int) {
        self.signal = signal
        self.settings = settings
        var actions: [Action] = []
        swap(&actions, &unsorted)
        actions.sort { $0.key != $1.key ? $0.key < $1.key : ($0.time != $1.time ? $0.time < $1.time : $0.account < $1.account) }
        var starts: [Int] = []
        var accounts: [Int32] = []
        var activity = [Int32](repeating: 0, count: accountCount)
        var stamp = [Int32](repeating: -1, count: accountCount)
        var start = 0
        while start < actions.count {
            var end = start
            var distinct: Int32 = 0
            let group = Int32(starts.count)
            while end < actions.count, actions[end].key == actions[start].key {
                let account = Int(actions[end].account)
                if stamp[account] != group {
                    stamp[account] = group
                    distinct += 1
                    activity[account] += 1
                }
                end += 1
            }
            starts.append(start)
            accounts.append(distinct)
            start = end
        }
        starts.append(actions.count)
        self.actions = actions
        groupStarts = starts
        groupAccounts = accounts
        self.activity = activity
        activeAccounts = activity.reduce(0) { $1 > 0 ? $0 + 1 : $0 }
        incidences = activity.reduce(0) { $0 + Int($1) }
    }

    /// Items in this signal.
    var groupCount: Int { groupAccounts.count }

    /// Whether item `group` has more accounts than the hot-key cap.
    func isHot(_ group: Int, config: CoordinationConfig) -> Bool {
        Int(groupAccounts[group]) > config.hotKeyAccounts
    }

    /// The rarity weight of one co-action on item `group` when `accounts` accounts use it:
    /// `signal weight × ln(1 + active accounts / accounts)`.
    @inline(__always)
    func weight(accounts: Int) -> Double {
        settings.weight * log(1 + Double(activeAccounts) / Double(max(accounts, 2)))
    }

    /// Calls `emit(pairKey, weight, i, j)` for every co-action on item `group`: actions `i < j`
    /// of different accounts within the window. Hot items pair each action with at most
    /// `hotNeighbourCap` later actions and at most `maxPairsPerKey` pairs in all.
    /// For stance switches the weight uses the number of switches to the same stance within the
    /// window around the pair (a local rarity), so a day when many accounts turn weighs little.
    /// - Complexity: O(actions in the item × neighbours within the window).
    func forEachCoAction(group: Int, config: CoordinationConfig, locals: inout [Int32], _ emit: (UInt64, Double, Int, Int) -> Void) {
        let lower = groupStarts[group]
        let upper = groupStarts[group + 1]
        guard upper - lower > 1 else { return }
        let window = settings.window
        let minuteWindow = (window + 59) / 60 * 60
        let reach = max(window, minuteWindow)
        let hot = isHot(group, config: config)
        var neighbourCap = upper - lower
        if hot || upper - lower > config.hotKeyAccounts {
            neighbourCap = max(1, min(config.hotNeighbourCap, config.maxPairsPerKey / (upper - lower)))
        }
        neighbourCap = min(neighbourCap, max(1, config.maxPairsPerKey / (upper - lower)))
        let local = signal == .stanceSwitch
        if local { fillLocalCounts(lower, upper, reach, &locals) }
        let fixedWeight = weight(accounts: Int(groupAccounts[group]))
        actions.withUnsafeBufferPointer { actions in
            for i in lower..<upper {
                let first = actions[i]
                var j = i + 1
                var seen = 0
                while j < upper, seen < neighbourCap {
                    let second = actions[j]
                    let gap = second.time - first.time
                    if gap > reach { break }
                    seen += 1
                    if second.account != first.account, gap <= ((first.isMinute || second.isMinute) ? minuteWindow : window) {
                        let pairWeight = local
                            ? weight(accounts: Int(max(locals[i - lower], locals[j - lower])))
                            : fixedWeight
                        emit(PairTable.key(first.account, second.account), pairWeight, i, j)
                    }
                    j += 1
                }
            }
        }
    }

    /// The estimated number of account pairs co-acting on hot item `group` (within-window action
    /// pairs, counted without enumerating them).
    func estimatedCoActions(group: Int) -> Double {
        let lower = groupStarts[group]
        let upper = groupStarts[group + 1]
        let reach = max(settings.window, (settings.window + 59) / 60 * 60)
        var pairs = 0
        var head = lower
        for tail in lower..<upper {
            while actions[tail].time - actions[head].time > reach { head += 1 }
            pairs += tail - head
        }
        return Double(pairs)
    }

    /// For each action of the run, the actions of the run within `reach` seconds on either side.
    private func fillLocalCounts(_ lower: Int, _ upper: Int, _ reach: Int64, _ locals: inout [Int32]) {
        if locals.count < upper - lower { locals = [Int32](repeating: 0, count: upper - lower) }
        var head = lower
        var tail = lower
        for index in lower..<upper {
            while actions[index].time - actions[head].time > reach { head += 1 }
            while tail < upper, actions[tail].time - actions[index].time <= reach { tail += 1 }
            locals[index - lower] = Int32(tail - head)
        }
    }
}
