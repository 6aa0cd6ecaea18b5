<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: a letter as plain text, in one of two views.

  Parameters:
    view     'reading' (default): repairs applied, markers as [1], the notes at the end.
             'diplomatic': the source reproduced, every non-blank line exactly: sic for
             each repair, markers as /1/, note texts as the source's "/N/ text" lines.
    strict   see common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="view" select="'reading'"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic'">
        <xsl:apply-templates select="tei:TEI/tei:text/tei:body/tei:div" mode="diplomatic"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:TEI/tei:text/tei:body/tei:div" mode="reading"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== reading -->

  <xsl:template match="tei:div" mode="reading">
    <xsl:apply-templates select="*" mode="reading"/>
    <xsl:if test=".//tei:note">
      <xsl:value-of select="concat($nl, 'Notes', $nl, $nl)"/>
      <xsl:apply-templates select=".//tei:note" mode="reading-notes"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:head | tei:dateline | tei:salute | tei:signed | tei:label"
                mode="reading">
    <xsl:apply-templates mode="reading"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="tei:floatingText" mode="reading">
    <xsl:apply-templates select="tei:body/*" mode="reading"/>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript" mode="reading">
    <xsl:apply-templates select="*" mode="reading"/>
  </xsl:template>

  <xsl:template match="tei:p" mode="reading">
    <xsl:value-of select="$nl"/>
    <xsl:apply-templates mode="reading"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:date
                       | tei:idno" mode="reading">
    <xsl:apply-templates mode="reading"/>
  </xsl:template>

  <xsl:template match="tei:choice" mode="reading">
    <xsl:apply-templates select="tei:corr/node()" mode="reading"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="reading">
    <xsl:text>[</xsl:text>
    <xsl:call-template name="note-number"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note" mode="reading-notes">
    <xsl:text>[</xsl:text>
    <xsl:call-template name="note-number"/>
    <xsl:text>] </xsl:text>
    <xsl:apply-templates mode="reading"/>
    <xsl:value-of select="$nl"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="reading">
    <xsl:text>(The source gives no text for this note.)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:*" priority="-10" mode="reading">
    <xsl:call-template name="unhandled"/>
    <xsl:apply-templates mode="reading"/>
  </xsl:template>

  <!-- ======================================================== diplomatic -->

  <xsl:template match="tei:div" mode="diplomatic">
    <xsl:apply-templates select="*" mode="diplomatic"/>
    <xsl:apply-templates select=".//tei:note[not(tei:gap)]" mode="diplomatic-notes"/>
  </xsl:template>

  <!-- A block ends its source line, unless it runs into the next (one space). -->
  <xsl:template match="tei:head | tei:dateline | tei:salute | tei:signed | tei:p | tei:label"
                mode="diplomatic">
    <xsl:apply-templates mode="diplomatic"/>
    <xsl:choose>
      <xsl:when test="@rend = 'run-in'"><xsl:text> </xsl:text></xsl:when>
      <xsl:otherwise><xsl:value-of select="$nl"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:postscript" mode="diplomatic">
    <xsl:apply-templates select="*" mode="diplomatic"/>
  </xsl:template>

  <xsl:template match="tei:floatingText" mode="diplomatic">
    <xsl:apply-templates select="tei:body/*" mode="diplomatic"/>
  </xsl:template>

  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs | tei:date
                       | tei:idno" mode="diplomatic">
    <xsl:apply-templates mode="diplomatic"/>
  </xsl:template>

  <xsl:template match="tei:choice" mode="diplomatic">
    <xsl:value-of select="tei:sic"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="diplomatic">
    <xsl:value-of select="concat('/', @n, '/')"/>
  </xsl:template>

  <xsl:template match="tei:note" mode="diplomatic-notes">
    <xsl:value-of select="concat('/', @n, '/ ', ., $nl)"/>
  </xsl:template>

  <xsl:template match="tei:*" priority="-10" mode="diplomatic">
    <xsl:call-template name="unhandled"/>
    <xsl:apply-templates mode="diplomatic"/>
  </xsl:template>
</xsl:stylesheet>
