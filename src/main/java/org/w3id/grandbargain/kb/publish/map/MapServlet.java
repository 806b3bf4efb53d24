package org.w3id.grandbargain.kb.publish.map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.w3id.grandbargain.kb.publish.core.Assets;
import org.w3id.grandbargain.kb.publish.core.HttpSupport;
import org.w3id.grandbargain.kb.publish.core.Pages;
import org.w3id.grandbargain.kb.publish.core.Site;
import org.w3id.grandbargain.kb.publish.core.SiteServlet;

/**
 * The map page ({@code /map}) and its data ({@code /map.json}). The page lists every place with
 * what happened there, and embeds the same as a JSON block for its script, which draws the mapped
 * places with Leaflet over the site's own base map (Natural Earth's countries): no tile server.
 */
final class MapServlet extends SiteServlet {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The base map, among the site's own files. */
  static final String BASE_MAP = "basemap/countries-110m.json";

  /** Read on first use: the release does not change while it is served. */
  private transient volatile PlaceMap places;

  MapServlet(Site site) {
    super(site);
  }

  private PlaceMap places() {
    PlaceMap p = places;
    if (p == null) {
      p = PlaceMap.read(site.knowledge(), site.links());
      places = p;
    }
    return p;
  }

  @Override
  protected void get(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String path = request.getServletPath();
    if (site.notModified(request, response, 600, path)) {
      return;
    }
    PlaceMap map = places();
    if (path.equals("/map.json")) {
      HttpSupport.send(response, HttpServletResponse.SC_OK, "application/json", write(map));
      return;
    }
    String html =
        site.pages()
            .render(
                "map",
                Pages.map(
                    "title", "Map",
                    "mapped", map.mapped(),
                    "unmapped", map.unmapped(),
                    "mappedCount", map.mapped().size(),
                    "placeCount", map.mapped().size() + map.unmapped().size(),
                    "hasUnmapped", !map.unmapped().isEmpty(),
                    "data", Pages.scriptSafe(write(map)),
                    "baseMap", Assets.site(BASE_MAP),
                    "leaflet", Assets.library("leaflet", "dist/leaflet.js"),
                    "leafletCss", Assets.library("leaflet", "dist/leaflet.css"),
                    "script", Assets.site("map.js"),
                    "stylesheet", Assets.site("map.css")));
    HttpSupport.send(response, HttpServletResponse.SC_OK, "text/html", html);
  }

  private static String write(PlaceMap map) {
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
