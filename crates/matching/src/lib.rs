//! The clearing engine: finds vertex-disjoint pair and ring swaps in a compatibility graph.
