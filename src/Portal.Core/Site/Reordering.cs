using Microsoft.EntityFrameworkCore;

namespace Portal.Core.Site;

/// <summary>The 上移/下移 of ordered admin lists (sections, footer groups and links), in one place.</summary>
internal static class Reordering
{
    /// <summary>
    /// Swaps the item at <paramref name="index"/> with its neighbour in the direction of
    /// <paramref name="offset"/> and renumbers the whole list from 0: imported rows may share a
    /// sort order, and a swap of equal numbers would change nothing. False when there is nothing
    /// to move (unknown item, zero offset, or already first/last).
    /// </summary>
    public static bool Swap<T>(List<T> items, int index, int offset, Action<T, int> setOrder)
    {
        var target = index + Math.Sign(offset);
        if (index < 0 || offset == 0 || target < 0 || target >= items.Count)
        {
            return false;
        }

        (items[index], items[target]) = (items[target], items[index]);
        for (var i = 0; i < items.Count; i++)
        {
            setOrder(items[i], i);
        }

        return true;
    }

    /// <summary>The move in words, for audit entries.</summary>
    public static string Direction(int offset) => offset < 0 ? "上移" : "下移";

    /// <summary>What the person is told after 上移/下移: the move, or why nothing moved.</summary>
    public static string Outcome(int offset, bool moved) => (moved, offset < 0) switch
    {
        (true, true) => "已上移。",
        (true, false) => "已下移。",
        (false, true) => "已在最前，无法上移。",
        (false, false) => "已在最后，无法下移。",
    };

    /// <summary>The sort order that puts a new item after <paramref name="sortOrders"/> (0 for an empty list).</summary>
    public static async Task<int> NextAsync(IQueryable<int> sortOrders, CancellationToken cancellationToken) =>
        ((await sortOrders.MaxAsync(o => (int?)o, cancellationToken)) ?? -1) + 1;
}
