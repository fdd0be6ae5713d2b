/// When a write group's WAL is checkpointed, and by which thread (see `WALCheckpoints`): told the WAL's length
/// after every commit and what each checkpoint copied, it answers what to do next.
///
/// A checkpoint copies the WAL's frames into the archive; the WAL starts again from its beginning only when
/// the writer begins a transaction with every frame copied. A checkpoint on another thread cannot see that
/// moment, since the writer keeps committing while it copies; so the writer copies the few frames left after
/// each background checkpoint itself, right after its next commit, and its next transaction restarts the WAL.
///
/// ```swift
/// var schedule = CheckpointSchedule(backgroundAt: 20_000, writerAt: 60_000)
/// if schedule.committed(walFrames: 20_400, backgroundRunning: false) == .inBackground { … }
/// ```
struct CheckpointSchedule: Equatable {
    /// What to do after a commit.
    enum Step: Equatable {
        case nothing
        /// Start a checkpoint on the background thread.
        case inBackground
        /// Wait for the background checkpoint, if one runs, then checkpoint on the writer's connection.
        case onWriter
    }

    /// Frames not yet copied at which a background checkpoint starts.
    let backgroundAt: Int
    /// Frames not yet copied at which the writer checkpoints itself whatever the background does: the WAL's
    /// bound when the background falls behind or cannot copy (a reader in another process holds old frames).
    let writerAt: Int

    /// The WAL's frames after the last commit: fewer after a commit means the WAL started again.
    private(set) var framesAtLastCommit = 0
    /// Frames of the current WAL known to be copied into the archive.
    private(set) var copied = 0
    /// Whether a background checkpoint copied frames since the writer's last own checkpoint: the writer then
    /// copies the rest at its next commit.
    private(set) var restDue = false

    init(backgroundAt: Int, writerAt: Int) {
        precondition(0 < backgroundAt && backgroundAt <= writerAt, "the writer's bound cannot be below the background's")
        self.backgroundAt = backgroundAt
        self.writerAt = writerAt
    }

    /// The step after a commit that left `walFrames` frames in the WAL.
    mutating func committed(walFrames: Int, backgroundRunning: Bool) -> Step {
        if walFrames < framesAtLastCommit {
            copied = 0
            restDue = false
        }
        framesAtLastCommit = walFrames
        let uncopied = walFrames - copied
        if backgroundRunning { return uncopied >= writerAt ? .onWriter : .nothing }
        if restDue || uncopied >= writerAt { return .onWriter }
        return uncopied >= backgroundAt ? .inBackground : .nothing
    }

    /// A background checkpoint ended with `frames` of the WAL copied (SQLite's count, from the WAL's start).
    mutating func backgroundCopied(_ frames: Int) {
        if frames > copied { restDue = true }
        copied = max(copied, frames)
    }

    /// The writer's checkpoint ended with `frames` of the WAL copied.
    mutating func writerCopied(_ frames: Int) {
        copied = max(copied, frames)
        restDue = false
    }
}
