<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-text.xsl: a letter as plain text, in one of two views.

  Parameters:
    view     'reading' (default): a header naming the source and the licence, then the
             text with repairs applied, markers as [1], paragraphs and notes wrapped at
             `width` columns (white space normalised), the notes at the end.
             'diplomatic': the source reproduced, every non-blank line exactly: sic for
             each repair, markers as /1/, note texts as the source's "/N/ text" lines.
    width    the reading text's line length (default 72). A paragraph longer than
             `unwrapped-from` characters is left on one line: XSLT 1.0 wraps by
             recursion, a level a line, and libxslt's depth is bounded.
    strict   see common.xsl.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="common.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="view" select="'reading'"/>
  <xsl:param name="width" select="72"/>
  <xsl:param name="unwrapped-from" select="100000"/>

  <xsl:variable name="nl" select="'&#10;'"/>

  <xsl:template match="/">
    <xsl:choose>
      <xsl:when test="$view = 'diplomatic'">
        <xsl:apply-templates select="tei:TEI/tei:text/tei:body/tei:div" mode="diplomatic"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:TEI/tei:teiHeader" mode="reading"/>
        <xsl:apply-templates select="tei:TEI/tei:text/tei:body/tei:div" mode="reading"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ======================================================== reading -->

  <xsl:template match="tei:teiHeader" mode="reading">
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="concat('Source: ', normalize-space(tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'published']))"/>
    </xsl:call-template>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="concat('Licence: ', normalize-space(tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence), ' ', tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence/@target)"/>
    </xsl:call-template>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="concat('Edition: ', normalize-space(tei:fileDesc/tei:publicationStmt/tei:publisher), ', ', /tei:TEI/@xml:id, '; the TEI is ', /tei:TEI/@xml:id, '.xml')"/>
    </xsl:call-template>
    <xsl:value-of select="concat($nl, '----', $nl, $nl)"/>
  </xsl:template>

  <!-- The text, normalised, as lines of at most $width characters (a longer word has
       a line of its own), each ended by a line feed. -->
  <xsl:template name="wrap">
    <xsl:param name="text"/>
    <xsl:choose>
      <xsl:when test="string-length($text) &lt;= $width or string-length($text) &gt; $unwrapped-from">
        <xsl:value-of select="concat($text, $nl)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="space">
          <xsl:call-template name="last-space">
            <xsl:with-param name="text" select="substring($text, 1, $width + 1)"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:variable name="at">
          <xsl:choose>
            <xsl:when test="$space > 0"><xsl:value-of select="$space"/></xsl:when>
            <xsl:when test="contains($text, ' ')">
              <xsl:value-of select="string-length(substring-before($text, ' ')) + 1"/>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="string-length($text) + 1"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:value-of select="concat(substring($text, 1, $at - 1), $nl)"/>
        <xsl:if test="$at &lt; string-length($text)">
          <xsl:call-template name="wrap">
            <xsl:with-param name="text" select="substring($text, $at + 1)"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The position of the last space in $text, 0 if it has none. -->
  <xsl:template name="last-space">
    <xsl:param name="text"/>
    <xsl:param name="before" select="0"/>
    <xsl:choose>
      <xsl:when test="contains($text, ' ')">
        <xsl:call-template name="last-space">
          <xsl:with-param name="text" select="substring-after($text, ' ')"/>
          <xsl:with-param name="before" select="$before + string-length(substring-before($text, ' ')) + 1"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$before"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

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
    <xsl:variable name="text"><xsl:apply-templates mode="reading"/></xsl:variable>
    <xsl:value-of select="$nl"/>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space($text)"/>
    </xsl:call-template>
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
    <xsl:variable name="text"><xsl:apply-templates mode="reading"/></xsl:variable>
    <xsl:variable name="number"><xsl:call-template name="note-number"/></xsl:variable>
    <xsl:call-template name="wrap">
      <xsl:with-param name="text" select="normalize-space(concat('[', $number, '] ', $text))"/>
    </xsl:call-template>
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
