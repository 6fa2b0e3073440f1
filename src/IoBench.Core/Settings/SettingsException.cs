namespace IoBench.Core.Settings;

/// <summary>A bad setting: its message is the one-line error the user sees before anything runs.</summary>
public sealed class SettingsException(string message) : Exception(message);
