package org.w3id.grandbargain.kb.publish.core;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.jetty.http.QuotedQualityCSV;
import org.w3id.grandbargain.kb.Digests;

/**
 * What every servlet of the site shares: content negotiation (q-values, with Fuseki's {@code
 * ConNeg}), validators tied to the release ({@code ETag}, {@code Last-Modified}, {@code 304}),
 * caching headers, and plain error responses.
 */
public final class HttpSupport {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private HttpSupport() {}

  /**
   * The media type among {@code offers} that best matches the request's Accept header, by RFC 9110:
   * each offer takes the quality of the most specific range that matches it ({@code text/turtle}
   * before {@code text/*} before {@code *\/*}), media types compared without regard to case; {@code
   * q=0} excludes; among equal qualities the first offer wins. An absent Accept counts as {@code
   * *\/*}. Fails with 406 when none is acceptable. The header is parsed by Jetty's {@link
   * QuotedQualityCSV}.
   */
  public static String negotiate(HttpServletRequest request, List<String> offers) {
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return offers.get(0);
    }
    QuotedQualityCSV ranges = new QuotedQualityCSV();
    java.util.Enumeration<String> headers = request.getHeaders("Accept");
    while (headers.hasMoreElements()) {
      ranges.addValue(headers.nextElement());
    }
    String best = null;
    double bestQuality = 0;
    for (String offer : offers) {
      double quality = quality(offer, ranges.getQualityValues());
      if (quality > bestQuality) {
        best = offer;
        bestQuality = quality;
      }
    }
    if (best == null) {
      throw new HttpError(
          HttpServletResponse.SC_NOT_ACCEPTABLE,
          "None of the requested media types ("
              + accept
              + ") is available; available: "
              + String.join(", ", offers));
    }
    return best;
  }

  /** The quality the most specific matching range gives an offer; 0 when none matches. */
  private static double quality(String offer, List<QuotedQualityCSV.QualityValue> ranges) {
    String type = offer.toLowerCase(java.util.Locale.ROOT);
    String major = type.substring(0, type.indexOf('/') + 1);
    int specificity = -1;
    double quality = 0;
    for (QuotedQualityCSV.QualityValue range : ranges) {
      String value = range.getValue();
      int params = value.indexOf(';');
      String media = (params < 0 ? value : value.substring(0, params)).strip();
      media = media.toLowerCase(java.util.Locale.ROOT);
      int rank =
          media.equals(type)
              ? 2
              : media.equals(major + "*") ? 1 : media.equals("*/*") || media.equals("*") ? 0 : -1;
      if (rank > specificity) {
        specificity = rank;
        quality = range.getWeight();
      }
    }
    return quality;
  }

  /**
   * Sets the validators of a response that depends only on the release and the variant, and answers
   * a matching conditional request with 304.
   *
   * @return true when a 304 was sent and nothing more must be written
   */
  public static boolean notModified(
      HttpServletRequest request,
      HttpServletResponse response,
      String releaseId,
      Instant lastModified,
      String variant) {
    String etag = "\"" + releaseId + "-" + Digests.sha256Hex(variant).substring(0, 16) + "\"";
    response.setHeader("ETag", etag);
    response.setHeader("Last-Modified", HTTP_DATE.format(lastModified));
    String ifNoneMatch = request.getHeader("If-None-Match");
    boolean match;
    if (ifNoneMatch != null) {
      match =
          ifNoneMatch.strip().equals("*")
              || List.of(ifNoneMatch.split("\\s*,\\s*")).contains(etag)
              || List.of(ifNoneMatch.split("\\s*,\\s*")).contains("W/" + etag);
    } else {
      long since;
      try {
        since = request.getDateHeader("If-Modified-Since");
      } catch (IllegalArgumentException notADate) {
        since = -1; // RFC 9110: an invalid date is ignored
      }
      match = since >= 0 && lastModified.toEpochMilli() / 1000 <= since / 1000;
    }
    if (match) {
      response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
      return true;
    }
    return false;
  }

  /** Cache-Control for content that changes only with the release. */
  public static void cacheable(HttpServletResponse response, int maxAgeSeconds) {
    response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
  }

  /** Writes a text body with its media type (UTF-8). */
  public static void send(HttpServletResponse response, int status, String mediaType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType(mediaType + "; charset=utf-8");
    response.setContentLength(bytes.length);
    try (OutputStream out = response.getOutputStream()) {
      out.write(bytes);
    }
  }

  /**
   * The scheme, host and port the client used, with a trailing slash: {@code http://host:3030/}.
   */
  public static String requestSite(HttpServletRequest request) {
    StringBuilder sb = new StringBuilder();
    sb.append(request.getScheme()).append("://").append(request.getServerName());
    int port = request.getServerPort();
    boolean standard =
        ("http".equals(request.getScheme()) && port == 80)
            || ("https".equals(request.getScheme()) && port == 443);
    if (!standard) {
      sb.append(':').append(port);
    }
    return sb.append(request.getContextPath()).append('/').toString();
  }
}
