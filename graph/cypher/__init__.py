"""All Cypher of geokg, as named, parameterised constants.

`write` holds the loader's and the reference backbone's statements (H5);
`read` holds the API's and analytics' queries. Labels and relationship types in
these strings come only from `graph.ontology`, never from input.
"""
