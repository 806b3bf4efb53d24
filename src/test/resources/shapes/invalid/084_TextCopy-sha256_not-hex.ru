# expect-focus: ex:copy
# expect-shape: gbsh:TextCopy-sha256
# expect-component: sh:PatternConstraintComponent
PREFIX ex:      <https://w3id.org/grand-bargain/id/test/>
PREFIX gb:      <https://w3id.org/grand-bargain/ontology#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:     <http://www.w3.org/2002/07/owl#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time:    <http://www.w3.org/2006/time#>
DELETE DATA { ex:copy gb:sha256 "bcfed74baf23d514498771b99ed998f0f8f9d99646c65d0512552871b4a1f33a" } ;
INSERT DATA { ex:copy gb:sha256 "BCFED" }
