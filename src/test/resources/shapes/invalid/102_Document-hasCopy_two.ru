# expect-focus: ex:article
# expect-shape: gbsh:Document-hasCopy
# expect-component: sh:MaxCountConstraintComponent
PREFIX ex:      <https://w3id.org/grand-bargain/id/test/>
PREFIX gb:      <https://w3id.org/grand-bargain/ontology#>
PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl:     <http://www.w3.org/2002/07/owl#>
PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX time:    <http://www.w3.org/2006/time#>
INSERT DATA { ex:article gb:hasCopy ex:copy2 . ex:copy2 a gb:TextCopy ; rdfs:label "Copy 2"@en ; gb:sha256 "bcfed74baf23d514498771b99ed998f0f8f9d99646c65d0512552871b4a1f33a" ; gb:characterCount "1"^^xsd:nonNegativeInteger ; gb:retrievedFrom <http://example.org/b> ; gb:mediaType "text/plain" }
