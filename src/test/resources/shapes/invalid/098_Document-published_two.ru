# expect-focus: ex:article
# expect-shape: gbsh:Document-published
# expect-component: sh:MaxCountConstraintComponent
PREFIX ex:      <https://w3id.org/grand-bargain/id/test/>
PREFIX gb:      <https://w3id.org/grand-bargain/ontology#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:     <http://www.w3.org/2002/07/owl#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time:    <http://www.w3.org/2006/time#>
INSERT DATA { ex:article gb:published "2006"^^xsd:gYear }
