// Package render draws the co-authorship graph (DOT, SVG) and writes it in
// the formats other tools read. It is filled in by the rendering and
// export work; the graph and its measures come from package graph.
package render
