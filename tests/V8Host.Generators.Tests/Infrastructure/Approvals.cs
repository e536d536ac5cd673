using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace V8Host.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot testing without Verify: text is compared to <c>Approval/&lt;Name&gt;.approved.cs</c>; on a
/// difference (or a missing file) the actual text is written to <c>&lt;Name&gt;.received.cs</c> and the
/// test fails. To accept, review the received file and copy it over the approved one.
/// </summary>
public static class Approvals
{
    /// <summary>The Approval folder, found from this source file's path (tests run from bin/, not the source tree).</summary>
    public static string Directory([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Approval"));

    public static string Normalize(string text) => text.Replace("\r\n", "\n").Replace('\r', '\n').TrimStart('\uFEFF').TrimEnd('\n') + "\n";

    /// <summary>Asserts that <paramref name="actual"/> equals the approved text for <paramref name="name"/>.</summary>
    public static void Verify(string name, string actual)
    {
        var directory = Directory();
        var approvedPath = Path.Combine(directory, name + ".approved.cs");
        var receivedPath = Path.Combine(directory, name + ".received.cs");
        var normalized = Normalize(actual);

        if (File.Exists(approvedPath) && Normalize(File.ReadAllText(approvedPath)) == normalized)
        {
            if (File.Exists(receivedPath))
                File.Delete(receivedPath);
            return;
        }

        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, normalized);
        var reason = File.Exists(approvedPath) ? "differs from the approved text" : "has no approved file yet";
        throw new XunitException(
            $"Approval '{name}' {reason}.\n" +
            $"  received: {receivedPath}\n" +
            $"  approved: {approvedPath}\n" +
            $"Review the received file; to accept it run:\n" +
            $"  cp \"{receivedPath}\" \"{approvedPath}\"" +
            (File.Exists(approvedPath) ? "\n\nFirst difference:\n" + FirstDifference(Normalize(File.ReadAllText(approvedPath)), normalized) : string.Empty));
    }

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "<end of file>";
            var right = i < r.Length ? r[i] : "<end of file>";
            if (left != right)
                return $"  line {i + 1}\n  approved: {left}\n  received: {right}";
        }

        return "  (none)";
    }
}
