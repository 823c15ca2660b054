namespace SmartyAssess.Data;

/// <summary>SQLite's <c>synchronous</c> setting in WAL mode.</summary>
public enum SqliteSynchronous
{
    /// <summary>Every commit is synced to disk: survives power loss and OS crashes.</summary>
    Full,

    /// <summary>Syncs at checkpoints only: survives application crashes; an OS crash or power cut may lose the last commits.</summary>
    Normal,
}
