package org.w3id.grandbargain.kb.publish;

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
final class HttpSupport {
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private HttpSupport() {}

  /** An error to send: status and message. */
  static final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpError(int status, String message) {
      super(message);
      this.status = status;
    }
  }

  /**
   * The one map from a query's failures to statuses, for the endpoint and the API alike, found
   * anywhere in the chain of causes: 400 for a query past a limit of the policy, 403 for a SERVICE
   * call the policy refuses, 502 for an allowed call that failed; empty for any other failure.
   */
  static java.util.Optional<Integer> queryError(Throwable e) {
    return serviceCause(e)
        .map(
            c ->
                c instanceof org.w3id.grandbargain.kb.query.QueryLimitException
                    ? HttpServletResponse.SC_BAD_REQUEST
                    : c instanceof org.w3id.grandbargain.kb.query.ServiceRefusedException
                        ? HttpServletResponse.SC_FORBIDDEN
                        : HttpServletResponse.SC_BAD_GATEWAY);
  }

  /** The message of the limit, SERVICE refusal or failure behind {@code e}, or {@code e}'s own. */
  static String rootMessage(Throwable e) {
    return serviceCause(e).map(Throwable::getMessage).orElse(e.getMessage());
  }

  private static java.util.Optional<Throwable> serviceCause(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof org.w3id.grandbargain.kb.query.ServiceRefusedException
          || c instanceof org.w3id.grandbargain.kb.query.ServiceFailedException
          || c instanceof org.w3id.grandbargain.kb.query.QueryLimitException) {
        return java.util.Optional.of(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * The media type among {@code offers} that best matches the request's Accept header, by RFC 9110:
   * each offer takes the quality of the most specific range that matches it ({@code text/turtle}
   * before {@code text/*} before {@code *\/*}), media types compared without regard to case; {@code
   * q=0} excludes; among equal qualities the first offer wins. An absent Accept counts as {@code
   * *\/*}. Fails with 406 when none is acceptable. The header is parsed by Jetty's {@link
   * QuotedQualityCSV}.
   */
  static String negotiate(HttpServletRequest request, List<String> offers) {
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
  static boolean notModified(
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
  static void cacheable(HttpServletResponse response, int maxAgeSeconds) {
    response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
  }

  /** Writes a text body with its media type (UTF-8). */
  static void send(HttpServletResponse response, int status, String mediaType, String body)
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
  static String requestSite(HttpServletRequest request) {
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
