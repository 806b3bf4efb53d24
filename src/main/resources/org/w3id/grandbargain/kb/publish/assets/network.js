// The network page: draws the edges of the page's JSON block with Cytoscape.js and applies the
// filters of the form to the drawing and to the table as they change. Without this script the
// table and the form (sent to the server) do the same.
(function () {
  'use strict';

  var container = document.getElementById('network');
  var block = document.getElementById('network-data');
  if (!container || !block || typeof window.cytoscape !== 'function') {
    return;
  }
  var data = JSON.parse(block.textContent);

  var colours = {
    person: '#1f5f9e',
    organisation: '#2e6b30',
    grouping: '#8a4b00',
    proposal: '#6a1b9a',
    channel: '#00695c',
    policy: '#a3154f',
    event: '#5d4037',
    document: '#455a64'
  };
  var shapes = {
    person: 'ellipse',
    organisation: 'round-rectangle',
    grouping: 'hexagon',
    proposal: 'diamond',
    channel: 'round-triangle',
    policy: 'round-tag',
    event: 'star',
    document: 'rectangle'
  };
  var lines = { asserted: 'solid', conjecture: 'dashed', secondhand: 'dotted' };

  // Start from a circle in the order of the article, so that every drawing is the same.
  var elements = [];
  var n = data.nodes.length;
  data.nodes.forEach(function (node, i) {
    var angle = (2 * Math.PI * i) / n;
    elements.push({
      group: 'nodes',
      data: { id: node.id, label: node.label, kind: node.kind, href: node.href },
      position: { x: 300 * Math.cos(angle), y: 300 * Math.sin(angle) }
    });
  });
  data.edges.forEach(function (edge) {
    elements.push({
      group: 'edges',
      data: {
        id: edge.id,
        source: edge.from,
        target: edge.to,
        relation: edge.relation,
        speaker: edge.speakerId,
        line: lines[edge.style] || 'solid'
      }
    });
  });

  var cy = window.cytoscape({
    container: container,
    elements: elements,
    boxSelectionEnabled: false,
    autoungrabify: false,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'background-color': '#4a4a4a',
          color: '#1a1a1a',
          'font-size': 12,
          'text-wrap': 'wrap',
          'text-max-width': 130,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          width: 26,
          height: 26
        }
      },
      {
        selector: 'edge',
        style: {
          label: 'data(relation)',
          'font-size': 9,
          // the relations' names only once the drawing is large enough to read them (a phone's
          // drawing shows the nodes' names; the table below gives every relation)
          'min-zoomed-font-size': 8,
          color: '#4a4a4a',
          'text-rotation': 'autorotate',
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'curve-style': 'bezier',
          'line-color': '#6b6b6b',
          'target-arrow-color': '#6b6b6b',
          'target-arrow-shape': 'triangle',
          width: 2
        }
      },
      { selector: 'edge[line = "dashed"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[line = "dotted"]', style: { 'line-style': 'dotted' } }
    ].concat(Object.keys(colours).map(function (kind) {
      return {
        selector: 'node[kind = "' + kind + '"]',
        style: { 'background-color': colours[kind], shape: shapes[kind] }
      };
    })).concat([{ selector: '.filtered', style: { display: 'none' } }]),
    layout: { name: 'preset' }
  });
  cy.layout({
    name: 'cose',
    animate: false,
    randomize: false,
    nodeDimensionsIncludeLabels: true,
    nodeRepulsion: function () { return 90000; },
    idealEdgeLength: function () { return 50; },
    edgeElasticity: function () { return 100; },
    componentSpacing: 40,
    gravity: 1,
    numIter: 2000,
    // laid out in the box of the drawing, so that the names stay legible when it is fitted
    boundingBox: { x1: 0, y1: 0, w: container.clientWidth, h: container.clientHeight },
    padding: 20
  }).run();

  cy.on('tap', 'node', function (event) {
    var href = event.target.data('href');
    if (href) {
      window.location.assign(href);
    }
  });

  var form = document.querySelector('.network-filters');
  var status = document.getElementById('network-status');
  var rows = document.querySelectorAll('#network-edges tbody tr');

  function apply() {
    var relations = {};
    form.querySelectorAll('input[name=relation]').forEach(function (box) {
      relations[box.value] = box.checked;
    });
    var speaker = form.querySelector('select[name=speaker]').value;
    var shown = 0;
    cy.batch(function () {
      cy.edges().forEach(function (edge) {
        var visible = relations[edge.data('relation')] && (!speaker || edge.data('speaker') === speaker);
        edge.toggleClass('filtered', !visible);
        if (visible) {
          shown += 1;
        }
      });
      cy.nodes().forEach(function (node) {
        node.toggleClass('filtered', node.connectedEdges().not('.filtered').length === 0);
      });
    });
    rows.forEach(function (row) {
      row.hidden = !(relations[row.dataset.relation] && (!speaker || row.dataset.speaker === speaker));
    });
    status.textContent = shown + ' of ' + data.edges.length + ' edges shown.';
    container.dataset.visibleEdges = String(shown);
    container.dataset.visibleNodes = String(cy.nodes().not('.filtered').length);
  }

  function fit() {
    cy.resize();
    cy.fit(cy.elements().not('.filtered'), 20);
  }

  form.addEventListener('change', apply);
  apply();
  fit();
  // once the page's fonts and style sheets are all in, and when the window changes size
  window.addEventListener('load', fit);
  window.addEventListener('resize', fit);

  container.dataset.nodes = String(cy.nodes().length);
  container.dataset.edges = String(cy.edges().length);
  container.dataset.ready = 'true';
  window.network = cy;
})();
