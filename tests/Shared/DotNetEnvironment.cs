using System.Diagnostics;

namespace Streaming.Generators.Testing;

/// <summary>Shared by the test projects that start programs: the environment a child <c>dotnet</c> should see.</summary>
internal static class DotNetEnvironment
{
    /// <summary>
    /// A clean CLI, as a user has it: no telemetry banner, and none of the MSBuild settings that the test run
    /// itself (started by <c>dotnet test</c>) would otherwise pass on to a nested build.
    /// </summary>
    public static ProcessStartInfo WithCleanDotNet(this ProcessStartInfo info)
    {
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment.Remove("MSBuildExtensionsPath");
        info.Environment.Remove("MSBUILD_EXE_PATH");
        info.Environment.Remove("MSBuildSDKsPath");
        return info;
    }
}
