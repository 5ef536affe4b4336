package graph

// ClusteringWithin is clusteringWithin for the tests of graph_test.
var ClusteringWithin = clusteringWithin
