// The map of attacks: vendored Leaflet, the bundled basemap, markers from the page's data.
// No tile server: the outlines are GeoJSON served by this app. Popups and tooltips are
// elements built with textContent, never strings (Leaflet sets a string as innerHTML), so
// nothing from an article is parsed as markup.
(function () {
  "use strict";
  var el = document.getElementById("map");
  var dataEl = document.getElementById("map-data");
  if (!el || !dataEl || !window.L) { return; }
  var markers = JSON.parse(dataEl.textContent);
  var base = el.getAttribute("data-base") || "";

  var map = L.map(el, { zoomSnap: 0.5, minZoom: 3, maxZoom: 12 });
  map.attributionControl.addAttribution("Outlines: Natural Earth");
  map.setView([48.6, 33.5], 5);
  // two panes under the markers, so the oblast lines stay above the country fills
  // whichever file arrives first
  map.createPane("countries").style.zIndex = 200;
  map.createPane("admin1").style.zIndex = 210;

  function outlines(url, pane, style) {
    return fetch(url).then(function (r) { return r.json(); }).then(function (gj) {
      L.geoJSON(gj, { pane: pane, interactive: false, style: style }).addTo(map);
    });
  }
  Promise.all([
    outlines(base + "/basemap/countries-50m.geo.json", "countries", function (f) {
      var home = f.properties.name === "Ukraine" || f.properties.name === "Russia";
      return { color: "#8a8f94", weight: home ? 1.2 : 0.8, fillColor: f.properties.name === "Ukraine" ? "#fbf6e4" : "#f1efe9", fillOpacity: 1 };
    }),
    outlines(base + "/basemap/admin1-ua-ru.geo.json", "admin1", function () {
      return { color: "#a9a595", weight: 0.7, fill: false };
    })
  ]).then(function () { el.setAttribute("data-basemap", "loaded"); })
    .catch(function () { el.setAttribute("data-basemap", "failed"); });

  function line(parent, tag, text, cls) {
    var node = document.createElement(tag);
    node.textContent = text;
    if (cls) { node.className = cls; }
    parent.appendChild(node);
    return node;
  }

  function popup(m) {
    var box = document.createElement("div");
    box.className = "pw-popup";
    line(box, "strong", m.places.join(", "));
    line(box, "div", m.date + (m.approximate ? " · located to " + m.place + " only" : ""));
    var toll = m.killed === null ? "no death toll reported" : m.killed + " killed";
    if (m.injured !== null) { toll += ", " + m.injured + " injured"; }
    line(box, "div", toll + (m.disputed ? " · sources disagree" : ""));
    line(box, "div", m.weapon_label + " · " + m.sources + " source" + (m.sources === 1 ? "" : "s"));
    var a = line(box, "a", "event page →");
    a.href = base + m.href;
    return box;
  }

  var group = L.featureGroup();
  markers.forEach(function (m) {
    var r = m.killed ? Math.min(6 + 2.5 * Math.sqrt(m.killed), 34) : 6;
    var mk = L.circleMarker([m.lat, m.lon], {
      radius: r,
      color: m.approximate ? "#333333" : m.colour,
      weight: m.approximate ? 1.5 : 1,
      dashArray: m.approximate ? "3 3" : null,
      fillColor: m.colour,
      fillOpacity: 0.6,
      className: "pw-marker pw-w-" + m.weapon
    });
    mk.bindPopup(popup(m));
    // a string given to Leaflet is set as innerHTML: pass an element holding the text instead
    var tip = document.createElement("span");
    tip.textContent = m.place + " · " + m.date;
    mk.bindTooltip(tip);
    group.addLayer(mk);
  });
  group.addTo(map);
  if (markers.length) {
    map.fitBounds(group.getBounds().pad(0.35), { maxZoom: 7 });
  }
  el.setAttribute("data-markers", String(markers.length));
})();
