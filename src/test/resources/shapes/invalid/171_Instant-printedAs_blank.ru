# expect-focus: ex:day
# expect-shape: gbsh:Instant-printedAs
# expect-component: sh:PatternConstraintComponent
PREFIX ex:      <https://w3id.org/grand-bargain/id/test/>
PREFIX gb:      <https://w3id.org/grand-bargain/ontology#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:     <http://www.w3.org/2002/07/owl#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time:    <http://www.w3.org/2006/time#>
DELETE DATA { ex:day gb:printedAs "May 3" } ;
INSERT DATA { ex:day gb:printedAs " \t" }
