using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace HealthBot.Tests.Infrastructure;

/// <summary>Process-wide set-up that must happen before the first test host starts.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Microsoft.Data.Sqlite's connection factory is a process-wide singleton with a pruning timer, and a timer keeps
    /// the execution context it was created in: created inside the first test host's start, it kept that host (and
    /// what the host holds) for the whole run. Created here, without the flow of any context.
    /// </summary>
    [ModuleInitializer]
    internal static void CreateSqlitePoolOutsideAnyHost()
    {
        using (ExecutionContext.SuppressFlow())
        {
            SqliteConnection.ClearAllPools();
        }
    }
}
