using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Media;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Admin.Site;

/// <summary>An upload interrupted while its file is written leaves neither a row nor a file.</summary>
public sealed class MediaUploadInterruptedTests
{
    [Fact]
    public async Task UploadAsync_CancelledAfterReading_NoFileAndNoRowLeft()
    {
        await using var factory = PortalFactory.Empty();
        var folder = factory.Services.GetRequiredService<MediaFolder>().Path;
        Directory.CreateDirectory(folder);
        var filesBefore = Directory.GetFiles(folder).Length;
        using var cancel = new CancellationTokenSource();

        // The request is cancelled as the upload's last byte is read: the file write is next.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => factory.WithScopeAsync(services =>
            services.GetRequiredService<MediaLibrary>().UploadAsync(new CancelAtEndStream(TestContent.TinyPng, cancel), "tiny.png", null, cancel.Token)));

        Assert.Equal(filesBefore, Directory.GetFiles(folder).Length);
        Assert.Equal(0, await factory.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    private sealed class CancelAtEndStream(byte[] content, CancellationTokenSource cancel) : MemoryStream(content)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, CancellationToken.None);
            if (read == 0)
            {
                await cancel.CancelAsync();
            }

            return read;
        }
    }
}
