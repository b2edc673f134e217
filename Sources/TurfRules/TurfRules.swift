/// The `TurfRules` module; see docs/ARCHITECTURE.md for its job.
public enum TurfRulesModule {}
