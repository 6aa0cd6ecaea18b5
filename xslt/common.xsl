<?xml version="1.0" encoding="UTF-8"?>
<!--
  common.xsl: what every output shares. Imported by tei-to-html.xsl and tei-to-text.xsl.

  Parameters (set by edition.render, documented here only):
    strict   true() makes an element no template handles stop the transformation,
             so a new element cannot silently vanish from an output (the tests set it).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:param name="strict" select="false()"/>

  <!-- The reference and the note share these two, so they can never disagree; @n is
       printed as the source gives it, never recounted. -->
  <xsl:template name="note-id">
    <xsl:value-of select="@xml:id"/>
  </xsl:template>

  <xsl:template name="note-number">
    <xsl:value-of select="@n"/>
  </xsl:template>

  <!-- The rule text of the editorial declaration that a repair cites. -->
  <xsl:template name="repair-reason">
    <xsl:value-of select="normalize-space(/tei:TEI/tei:teiHeader/tei:encodingDesc/
        tei:editorialDecl/tei:correction/tei:p[@n = current()/tei:corr/@type])"/>
  </xsl:template>

  <!-- Called by each mode's fallback template (XSLT 1.0 has no mode="#all"): an
       element no template of that mode handles. -->
  <xsl:template name="unhandled">
    <xsl:if test="$strict">
      <xsl:message terminate="yes">
        <xsl:text>edition: no template for element </xsl:text>
        <xsl:value-of select="name()"/>
      </xsl:message>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
