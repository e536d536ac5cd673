using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace V8Host.Build
{
    /// <summary>
    /// Bakes one <c>&lt;V8Snapshot&gt;</c>: runs the baker (V8Host.SnapshotBaker) under the .NET host of
    /// the build, with the project's own V8Host runtime, ClearScript and native V8. The baker prints its
    /// errors in MSBuild's canonical format, which this task logs as build errors at the script's file,
    /// line and column. The target that calls it declares the inputs and outputs that make baking incremental.
    /// </summary>
    public sealed class BakeV8Snapshot : ToolTask
    {
        // The one warm-up file Execute found among the items' WarmUp metadata.
        private string? _warmUp;

        /// <summary>The snapshot's name (the <c>SnapshotName</c> metadata).</summary>
        [Required]
        public string SnapshotName { get; set; } = "";

        /// <summary>The scripts, in baking order; their item specs become the scripts' names in the snapshot.</summary>
        [Required]
        public ITaskItem[] Scripts { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The <c>WarmUp</c> metadata of the scripts: at most one distinct file per snapshot.</summary>
        public ITaskItem[] WarmUps { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>Where the blob is written.</summary>
        [Required]
        public string OutputFile { get; set; } = "";

        /// <summary>The baker's assembly (V8Host.SnapshotBaker.dll).</summary>
        [Required]
        public string BakerAssembly { get; set; } = "";

        /// <summary>The project file: relative script paths are relative to its folder, and file-less errors point at it.</summary>
        [Required]
        public string ProjectFile { get; set; } = "";

        /// <summary>Assemblies the baker may load: the project's references.</summary>
        public ITaskItem[] References { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>ClearScript's native V8 libraries the project references.</summary>
        public ITaskItem[] NativeLibraries { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>The longest one script may run, in seconds; 0 for no limit.</summary>
        public double ScriptTimeoutSeconds { get; set; } = 120;

        /// <inheritdoc />
        protected override string ToolName => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";

        /// <inheritdoc />
        protected override MessageImportance StandardErrorLoggingImportance => MessageImportance.High;

        /// <summary>What the scripts print while baking (console.log) shows in a default build log, not only a detailed one.</summary>
        protected override MessageImportance StandardOutputLoggingImportance => MessageImportance.High;

        /// <inheritdoc />
        public override bool Execute()
        {
            var warmUps = WarmUps.Select(item => item.ItemSpec).Where(spec => spec.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (warmUps.Count > 1)
            {
                Log.LogError(null, "V8H2005", null, ProjectFile, 0, 0, 0, 0,
                    "V8Snapshot '{0}' names more than one WarmUp ({1}); give the snapshot's items one WarmUp file.", SnapshotName, string.Join(", ", warmUps));
                return false;
            }

            _warmUp = warmUps.FirstOrDefault();
            return base.Execute();
        }

        /// <summary>The .NET host running this build (the SDK sets DOTNET_HOST_PATH for tasks), else the first dotnet on PATH.</summary>
        protected override string GenerateFullPathToTool()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host))
                return host!;
            foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            {
                var candidate = Path.Combine(directory.Trim(), ToolName);
                if (directory.Length > 0 && File.Exists(candidate))
                    return candidate;
            }

            return ToolName;
        }

        /// <inheritdoc />
        protected override string GenerateCommandLineCommands()
        {
            var builder = new CommandLineBuilder();
            builder.AppendSwitch("exec");
            builder.AppendFileNameIfNotNull(BakerAssembly);
            return builder.ToString();
        }

        /// <summary>Everything else goes through a response file, one option and one value per line.</summary>
        protected override string GenerateResponseFileCommands()
        {
            var lines = new List<string>
            {
                "--output", Path.GetFullPath(OutputFile),
                "--name", SnapshotName,
                "--project", Path.GetFullPath(ProjectFile),
                "--timeout-seconds", ScriptTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            };
            foreach (var script in Scripts)
                lines.AddRange(new[] { "--script", script.ItemSpec });
            if (_warmUp is not null)
                lines.AddRange(new[] { "--warm-up", _warmUp });
            foreach (var reference in References)
                lines.AddRange(new[] { "--reference", reference.GetMetadata("FullPath") });
            foreach (var native in NativeLibraries)
                lines.AddRange(new[] { "--native", native.GetMetadata("FullPath") });
            return string.Join("\n", lines) + "\n";
        }

        /// <inheritdoc />
        protected override Encoding ResponseFileEncoding => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <summary>A baker that died without a canonical error (V8 crashed, out of memory) still fails the build with a clear message.</summary>
        protected override bool HandleTaskExecutionErrors()
        {
            if (!Log.HasLoggedErrors)
            {
                Log.LogError(null, "V8H2000", null, ProjectFile, 0, 0, 0, 0,
                    "V8Snapshot '{0}': the snapshot baker exited with code {1} without reporting an error (V8 may have run out of memory or crashed; the build log above has its output).", SnapshotName, ExitCode);
            }

            return false;
        }
    }
}
