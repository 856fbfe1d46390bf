/* The detailed map of the parks: Leaflet over the configured tile server, laid over the site's
   own sketch map. The sketch stays in view until the first tiles have loaded, and comes back
   whenever tiles fail, so a visitor never sees an empty grey box (foreign tile servers are often
   slow or unreachable in mainland China). Without JavaScript, Leaflet or tiles, the sketch and
   the list remain. */
(function () {
  "use strict";

  // How long a hanging tile server may keep the visitor waiting before we stop trying.
  var GIVE_UP_MS = 15000;

  function start() {
    var stage = document.getElementById("tools-map");
    var source = document.getElementById("tools-map-data");
    if (!stage || !source || typeof window.L === "undefined") {
      return;
    }
    var L = window.L;
    var data = JSON.parse(source.textContent);
    if (!data.tileUrl || !data.markers || !data.markers.length) {
      return;
    }
    var canvas = document.createElement("div");
    canvas.className = "map-tiles";
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", stage.getAttribute("data-map-label") || "");
    stage.appendChild(canvas);

    function showTiles(shown) {
      stage.classList.toggle("tiles-shown", shown);
      stage.setAttribute("data-map-state", shown ? "tiles" : "sketch");
    }

    var map = L.map(canvas, { scrollWheelZoom: false });
    var layer = L.tileLayer(data.tileUrl, {
      maxZoom: 18,
      subdomains: data.subdomains || "abc",
      attribution: data.attribution,
    });
    var failed = false;
    var loaded = 0;
    layer.on("tileload", function () {
      loaded += 1;
    });
    layer.on("tileerror", function () {
      failed = true;
      showTiles(false);
    });
    // "load" fires when every tile in view has answered, loaded or not.
    layer.on("load", function () {
      if (loaded && !failed) {
        showTiles(true);
      }
    });
    layer.on("loading", function () {
      failed = false;
    });
    window.setTimeout(function () {
      if (!loaded) {
        map.remove();
        canvas.remove();
        stage.setAttribute("data-map-state", "sketch");
      }
    }, GIVE_UP_MS);
    layer.addTo(map);

    var icon = L.icon({
      iconUrl: data.icon.iconUrl,
      iconRetinaUrl: data.icon.iconRetinaUrl,
      shadowUrl: data.icon.shadowUrl,
      iconSize: [25, 41],
      iconAnchor: [12, 41],
      popupAnchor: [1, -34],
      // The centre of the pin's head, where its number sits.
      tooltipAnchor: [0, -28],
      shadowSize: [41, 41],
    });

    var bounds = [];
    data.markers.forEach(function (item) {
      var popup = document.createElement("div");
      var title = document.createElement("a");
      title.href = item.url;
      title.textContent = item.number + ". " + item.name;
      popup.appendChild(title);
      if (item.projects.length) {
        var list = document.createElement("ul");
        item.projects.forEach(function (project) {
          var entry = document.createElement("li");
          var link = document.createElement("a");
          link.href = project.url;
          link.textContent = project.name;
          entry.appendChild(link);
          list.appendChild(entry);
        });
        popup.appendChild(list);
      }
      L.marker([item.lat, item.lng], {
        icon: icon,
        title: item.number + ". " + item.name,
        alt: item.number + ". " + item.name,
      })
        .bindTooltip(String(item.number), {
          permanent: true,
          direction: "center",
          className: "map-pin-number",
        })
        .bindPopup(popup)
        .addTo(map);
      bounds.push([item.lat, item.lng]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 13);
    } else {
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14 });
    }
    stage.setAttribute("data-map-ready", "true");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
