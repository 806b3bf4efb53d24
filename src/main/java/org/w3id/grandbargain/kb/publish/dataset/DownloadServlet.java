package org.w3id.grandbargain.kb.publish.dataset;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.w3id.grandbargain.kb.NotFoundException;
import org.w3id.grandbargain.kb.publish.core.HttpError;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;
import org.w3id.grandbargain.kb.store.DumpFile;
import org.w3id.grandbargain.kb.store.Release;

/**
 * The release files at stable addresses: {@code /download/<release>/<file>}, which never changes
 * (cached for a year, immutable), and {@code /download/latest/<file>}, the current release's. Only
 * files listed in a release's manifest are served, with their media type, size and digest.
 */
public final class DownloadServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;

  DownloadServlet(Site site) {
    super(site);
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String rest = request.getPathInfo() == null ? "" : request.getPathInfo();
    int slash = rest.indexOf('/', 1);
    if (slash < 0) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND,
          "Downloads are at /download/latest/<file> or /download/<release>/<file>; see /dataset.");
    }
    String which = rest.substring(1, slash);
    String file = rest.substring(slash + 1);
    boolean latest = which.equals("latest");
    Release release;
    try {
      release = latest ? site.publication().release() : site.publication().store().release(which);
    } catch (NotFoundException e) {
      throw new HttpError(HttpServletResponse.SC_NOT_FOUND, "No release '" + which + "'.");
    }
    Optional<DumpFile> entry =
        release.files().stream().filter(f -> f.path().equals(file)).findFirst();
    if (entry.isEmpty()) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_FOUND,
          "Release " + release.id() + " has no file '" + file + "'; see /dataset for the list.");
    }
    DumpFile f = entry.get();
    response.setHeader(
        "Cache-Control", latest ? "public, max-age=3600" : "public, max-age=31536000, immutable");
    if (HttpSupport.notModified(request, response, release.id(), release.builtAt(), f.path())) {
      return;
    }
    response.setHeader(
        "Digest",
        "sha-256="
            + java.util.Base64.getEncoder()
                .encodeToString(java.util.HexFormat.of().parseHex(f.sha256())));
    Path path = release.file(f.path());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType(
        f.gzip()
            ? "application/gzip"
            : f.mediaType()
                + (f.mediaType().startsWith("application/n-") || f.mediaType().startsWith("text/")
                    ? "; charset=utf-8"
                    : ""));
    response.setContentLengthLong(Files.size(path));
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"" + release.id() + "-" + path.getFileName() + "\"");
    if ("HEAD".equals(request.getMethod())) {
      return;
    }
    try (OutputStream out = response.getOutputStream()) {
      if (out instanceof HttpOutput jetty) {
        send(jetty, path);
      } else {
        Files.copy(path, out);
      }
    }
  }

  /** A release's files never change: each is mapped once, and sent from the mapping. */
  private static final Cache<Path, ByteBuffer> MAPPED =
      Caffeine.newBuilder().maximumSize(64).build();

  /**
   * Sends a file with Jetty's own content sending, from a read-only mapping of it (the page cache,
   * not a copy on the heap); a file too large for one mapping is sent from its channel.
   */
  private static void send(HttpOutput out, Path path) throws IOException {
    if (Files.size(path) > Integer.MAX_VALUE) {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
        out.sendContent(channel);
      }
      return;
    }
    ByteBuffer mapped;
    try {
      mapped =
          MAPPED.get(
              path,
              p -> {
                try (FileChannel channel = FileChannel.open(p, StandardOpenOption.READ)) {
                  return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
    out.sendContent(mapped.asReadOnlyBuffer());
  }
}
