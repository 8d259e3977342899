namespace Streaming;

/// <summary>An item of a <see cref="StreamList{T}"/>: it carries its own links, so a list costs a stream no node.</summary>
internal interface IStreamListItem<T>
    where T : class, IStreamListItem<T>
{
    T? Previous { get; set; }

    T? Next { get; set; }
}

/// <summary>A doubly linked list of streams through their own links; the owner guards it with its lock.</summary>
internal struct StreamList<T>
    where T : class, IStreamListItem<T>
{
    public T? First { get; private set; }

    /// <summary>The item after <paramref name="item"/>, for a walk from <see cref="First"/>.</summary>
    public static T? After(T item) => item.Next;

    public void Add(T item)
    {
        item.Next = First;
        if (First is not null)
        {
            First.Previous = item;
        }

        First = item;
    }

    /// <summary>Takes <paramref name="item"/> out of the list; an item that is not in it is left alone.</summary>
    public void Remove(T item)
    {
        if (item.Previous is { } previous)
        {
            previous.Next = item.Next;
        }
        else if (First == item)
        {
            First = item.Next;
        }
        else
        {
            return;
        }

        if (item.Next is { } next)
        {
            next.Previous = item.Previous;
        }

        item.Previous = null;
        item.Next = null;
    }
}
