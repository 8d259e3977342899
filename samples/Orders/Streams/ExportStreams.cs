using Orders.Data;
using Streaming;

namespace Orders.Streams;

/// <summary>Orders as files people open in a spreadsheet.</summary>
public static class ExportStreams
{
    /// <summary>One customer's orders as CSV: <c>;</c>-separated with a byte order mark, as spreadsheets expect.</summary>
    [Stream(Format.Csv, "/customers/{customerId:int}/orders.csv", CsvDelimiter = ';', CsvByteOrderMark = true)]
    public static IAsyncEnumerable<Order> CustomerOrders(int customerId, OrderStore store, CancellationToken cancellationToken)
        => store.CustomerOrdersAsync(customerId, cancellationToken);
}
