/// The `TurfTimeline` module; see docs/ARCHITECTURE.md for its job.
public enum TurfTimelineModule {}
