using Npgsql;

namespace TicketHub.Domain.Data;

/// <summary>Tells a database that is away (down, failing over, refusing connections) from a bug in a query.</summary>
public static class DatabaseAvailability
{
    /// <summary>
    /// True when the exception, or one it wraps, says the server could not be reached or will not take the work now:
    /// a broken or refused connection, a timeout, a server shutting down or starting up, or a write sent to a
    /// primary that has just been demoted to a read-only standby. Such a request may succeed when retried shortly.
    /// </summary>
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal)   // connection exception
                                               || pg.SqlState is "57P01" or "57P02" or "57P03"        // shutdown, crash, cannot connect now
                                               or "25006"                                             // read-only transaction: a demoted primary
                                               or "53300":                                            // too many connections
                    return true;
                case PostgresException:
                    return false;   // the server answered: a real error
                case NpgsqlException:
                    return true;    // I/O error, timeout or a connection that could not be opened
            }
        }
        return false;
    }
}
