// The map page: draws the mapped places of the page's JSON block with Leaflet over the site's own
// base map (Natural Earth's countries, fetched from the site). No tiles, nothing from elsewhere.
(function () {
  'use strict';

  var container = document.getElementById('map');
  var block = document.getElementById('map-data');
  if (!container || !block || !window.L) {
    return;
  }
  var data = JSON.parse(block.textContent);
  var L = window.L;

  var map = L.map(container, {
    attributionControl: true,
    zoomSnap: 0.5,
    minZoom: 0,
    maxZoom: 8,
    worldCopyJump: false
  });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Base map: Natural Earth');

  var markers = L.featureGroup().addTo(map);
  data.mapped.forEach(function (place) {
    var marker = L.circleMarker([place.lat, place.lon], {
      radius: 8,
      color: '#ffffff',
      weight: 2,
      fillColor: '#a3154f',
      fillOpacity: 0.9
    });
    marker.bindPopup(popup(place));
    marker.bindTooltip(text(place.label));
    marker.addTo(markers);
  });

  /** An element showing a string as text: Leaflet takes a string it is given as HTML. */
  function text(value) {
    var span = document.createElement('span');
    span.textContent = value;
    return span;
  }

  function popup(place) {
    var box = document.createElement('div');
    box.className = 'map-popup';
    var link = document.createElement('a');
    link.href = place.href;
    link.textContent = place.label;
    var title = document.createElement('strong');
    title.appendChild(link);
    box.appendChild(title);
    var list = document.createElement('ul');
    place.happenings.forEach(function (h) {
      var item = document.createElement('li');
      item.appendChild(document.createTextNode(h.relation + ': '));
      var what = document.createElement('a');
      what.href = h.href;
      what.textContent = h.label;
      item.appendChild(what);
      item.appendChild(
        document.createTextNode(
          h.claimBy
            ? ' (a claim of ' + h.claimBy + ', placed here by ' + h.says + ')'
            : ' (according to ' + h.says + ')'
        )
      );
      list.appendChild(item);
    });
    if (place.happenings.length === 0) {
      var none = document.createElement('li');
      none.textContent = 'nothing located there or about it';
      list.appendChild(none);
    }
    box.appendChild(list);
    return box;
  }

  function fit() {
    map.invalidateSize();
    map.fitBounds(markers.getBounds(), { padding: [20, 20], maxZoom: 4 });
  }
  fit();
  // once the page's style sheets are all in, and when the window changes size
  window.addEventListener('load', fit);
  window.addEventListener('resize', fit);
  container.dataset.markers = String(data.mapped.length);

  fetch(container.dataset.baseMap)
    .then(function (response) {
      if (!response.ok) {
        throw new Error('base map: ' + response.status);
      }
      return response.json();
    })
    .then(function (countries) {
      var layer = L.geoJSON(countries, {
        interactive: false,
        style: { color: '#8c8c8c', weight: 1, fillColor: '#f4f1ea', fillOpacity: 1 }
      }).addTo(map);
      layer.bringToBack();
      container.dataset.baseMapFeatures = String(countries.features.length);
      container.dataset.ready = 'true';
    });
  window.placesMap = map;
})();
