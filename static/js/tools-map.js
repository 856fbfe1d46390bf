/* The interactive map of the parks: Leaflet, served from our own static files, replaces the
   server-drawn image. Without JavaScript, Leaflet or tiles, the image and the list remain. */
(function () {
  "use strict";

  function start() {
    var canvas = document.getElementById("tools-map");
    var source = document.getElementById("tools-map-data");
    if (!canvas || !source || typeof window.L === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (!data.markers || !data.markers.length) {
      return;
    }
    var fallback = canvas.querySelector(".map-fallback");
    canvas.classList.add("map-live");
    canvas.setAttribute("role", "region");
    canvas.setAttribute("aria-label", canvas.getAttribute("data-map-label") || "");
    if (fallback) {
      fallback.remove();
    }

    var map = window.L.map(canvas, { scrollWheelZoom: false });
    window.L.tileLayer(data.tileUrl, {
      maxZoom: 18,
      attribution: data.attribution,
    }).addTo(map);

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
      window.L.marker([item.lat, item.lng], { title: item.number + ". " + item.name, alt: item.name })
        .bindPopup(popup)
        .addTo(map);
      bounds.push([item.lat, item.lng]);
    });
    if (bounds.length === 1) {
      map.setView(bounds[0], 13);
    } else {
      map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14 });
    }
    canvas.setAttribute("data-map-ready", "true");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
