"""Network analytics over the fact-edge graph (networkx).

- filters: SubgraphFilter, the shared filter of analytics, exports and API;
- network: the in-memory graph shape, its undirected projection, EdgeRef citations;
- centrality / communities / balance: pure functions over a networkx graph;
- pull: the Neo4j reads that build that graph (sync and async).
"""

from graph.analytics.balance import BalanceResult, balance
from graph.analytics.centrality import CentralityResult, centrality
from graph.analytics.communities import CommunitiesResult, communities
from graph.analytics.filters import SubgraphFilter
from graph.analytics.network import EdgeRef, add_entity, add_fact, graph_from_records, new_graph

__all__ = [
    "BalanceResult",
    "CentralityResult",
    "CommunitiesResult",
    "EdgeRef",
    "SubgraphFilter",
    "add_entity",
    "add_fact",
    "balance",
    "centrality",
    "communities",
    "graph_from_records",
    "new_graph",
]
