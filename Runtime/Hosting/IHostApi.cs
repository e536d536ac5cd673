namespace V8Host;

/// <summary>
/// A bundle of host functionality (console, timers …) that installs itself into a
/// <see cref="HostProfile"/>: host functions, classes and setup scripts.
/// </summary>
public interface IHostApi
{
    /// <summary>Adds this API's functions, classes and setup scripts to <paramref name="profile"/>.</summary>
    void Register(HostProfile profile);
}
