# expect-focus: ex:derived
# expect-shape: gbsh:DerivedGraph-derivedFrom
# expect-component: sh:NodeKindConstraintComponent
PREFIX ex:      <https://w3id.org/grand-bargain/id/test/>
PREFIX gb:      <https://w3id.org/grand-bargain/ontology#>
PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:     <http://www.w3.org/2002/07/owl#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time:    <http://www.w3.org/2006/time#>
PREFIX prov:    <http://www.w3.org/ns/prov#>
DELETE DATA { ex:derived prov:wasDerivedFrom ex:editorial } ;
INSERT DATA { ex:derived prov:wasDerivedFrom "the editorial graph" }
