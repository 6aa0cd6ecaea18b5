<?xml version="1.0" encoding="UTF-8"?>
<!--
  tei-to-html.xsl: the reading edition. A TEI letter becomes its page; a teiCorpus of
  letters (edition.render builds one from the letters' headers) becomes the index.

  Parameters:
    css      the stylesheet's URL, relative to the page (default 'edition.css').
    tei-dir  where the TEI files are, relative to the page (default '../tei/').
    prev, next  the ids of the letters before and after this one in date order ('' at
             either end), for the links at the foot of a letter's page.
    strict   see common.xsl.

  A teiCorpus of letters' headers (edition.render builds one) becomes the index; a
  teiCorpus of the register and the letters, the register page, where each entry lists
  the letters and paragraphs that mention it.

  Modes: none for the page, "notes" for the list of footnotes, "apparatus" for the list
  of repairs, "index" for a letter's row in the index, "register" for the register.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:import href="common.xsl"/>
  <xsl:output method="html" encoding="UTF-8" indent="no"
              doctype-system="about:legacy-compat"/>
  <xsl:param name="css" select="'edition.css'"/>
  <xsl:param name="tei-dir" select="'../tei/'"/>
  <xsl:param name="prev" select="''"/>
  <xsl:param name="next" select="''"/>

  <xsl:template name="page">
    <xsl:param name="title"/>
    <xsl:param name="content"/>
    <html lang="en">
      <head>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <link rel="stylesheet" href="{$css}"/>
      </head>
      <body>
        <header><nav aria-label="Edition"><a href="index.html">All letters</a> · <a href="register.html">Register</a></nav></header>
        <main><xsl:copy-of select="$content"/></main>
      </body>
    </html>
  </xsl:template>

  <!-- ======================================================== the letter page -->

  <xsl:template match="/tei:TEI">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="normalize-space(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates select="tei:text/tei:body/tei:div"/>
        <xsl:apply-templates select="tei:teiHeader"/>
        <xsl:if test="$prev != '' or $next != ''">
          <nav class="sequence" aria-label="Letters in date order">
            <xsl:if test="$prev != ''"><a href="{$prev}.html" rel="prev">← Previous letter</a></xsl:if>
            <xsl:if test="$prev != '' and $next != ''"> · </xsl:if>
            <xsl:if test="$next != ''"><a href="{$next}.html" rel="next">Next letter →</a></xsl:if>
          </nav>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:div">
    <article class="letter" id="{/tei:TEI/@xml:id}">
      <xsl:apply-templates select="*"/>
      <xsl:if test=".//tei:note">
        <section class="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Notes</h2>
          <ol><xsl:apply-templates select=".//tei:note" mode="notes"/></ol>
        </section>
      </xsl:if>
      <xsl:if test=".//tei:choice">
        <section class="apparatus" aria-labelledby="apparatus-heading">
          <h2 id="apparatus-heading">Editorial repairs</h2>
          <table>
            <thead><tr><th scope="col">The source reads</th><th scope="col">The edition reads</th><th scope="col">Why</th></tr></thead>
            <tbody><xsl:apply-templates select=".//tei:choice" mode="apparatus"/></tbody>
          </table>
        </section>
      </xsl:if>
    </article>
  </xsl:template>

  <xsl:template match="tei:head">
    <h1><xsl:apply-templates/></h1>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer">
    <div class="{local-name()}"><xsl:apply-templates select="*"/></div>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:div/tei:p">
    <xsl:variable name="id" select="concat('p', count(preceding-sibling::tei:p) + 1)"/>
    <p id="{$id}"><xsl:apply-templates/><xsl:text> </xsl:text><a class="pilcrow" href="#{$id}" aria-label="Link to paragraph {count(preceding-sibling::tei:p) + 1}">¶</a></p>
  </xsl:template>

  <xsl:template match="tei:label">
    <p class="label"><xsl:apply-templates/></p>
  </xsl:template>

  <!-- The letter a telegram carries, set off as a quotation. -->
  <xsl:template match="tei:floatingText">
    <blockquote class="carried {@type}"><xsl:apply-templates select="tei:body/*"/></blockquote>
  </xsl:template>

  <xsl:template match="tei:floatingText/tei:body/tei:p">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:idno">
    <span class="idno {@type}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:postscript">
    <div class="postscript"><xsl:apply-templates select="*"/></div>
  </xsl:template>

  <xsl:template match="tei:postscript/tei:p">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <!-- A name links to its entry on the register page. -->
  <xsl:template match="tei:persName | tei:placeName | tei:orgName | tei:rs">
    <a class="{local-name()}" href="register.html#{substring-after(@ref, '#')}"><xsl:apply-templates/></a>
  </xsl:template>

  <!-- A date with @when is machine-readable; an undated letter's "undated" is not. -->
  <xsl:template match="tei:date[@when]">
    <time datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="tei:date">
    <span class="date"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- A repair's anchor: its xml:id (the converter gives one), else a generated id. -->
  <xsl:template name="repair-id">
    <xsl:choose>
      <xsl:when test="@xml:id"><xsl:value-of select="@xml:id"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="generate-id()"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:variable name="id"><xsl:call-template name="repair-id"/></xsl:variable>
    <span class="corr" id="{$id}" title="The source reads “{tei:sic}”"><xsl:apply-templates select="tei:corr/node()"/></span>
  </xsl:template>

  <xsl:template match="tei:note">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <sup class="noteref"><a href="#{$id}" id="ref-{$id}"><xsl:call-template name="note-number"/></a></sup>
  </xsl:template>

  <xsl:template match="tei:note" mode="notes">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <li id="{$id}">
      <span class="note-number"><xsl:call-template name="note-number"/>. </span>
      <xsl:apply-templates/>
      <xsl:text> </xsl:text>
      <a class="back" href="#ref-{$id}" aria-label="Back to the text of note {@n}">↩</a>
    </li>
  </xsl:template>

  <xsl:template match="tei:gap">
    <em class="gap">The source gives no text for this note.</em>
  </xsl:template>

  <xsl:template match="tei:choice" mode="apparatus">
    <tr>
      <td><a><xsl:attribute name="href">#<xsl:call-template name="repair-id"/></xsl:attribute><xsl:value-of select="tei:sic"/></a></td>
      <td>
        <xsl:value-of select="tei:corr"/>
        <xsl:for-each select="tei:corr//tei:note">
          <xsl:text> followed by note </xsl:text><xsl:value-of select="@n"/>
        </xsl:for-each>
      </td>
      <td><xsl:call-template name="repair-reason"/></td>
    </tr>
  </xsl:template>

  <!-- ======================================================== metadata -->

  <xsl:template match="tei:teiHeader">
    <xsl:variable name="sent" select="tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']"/>
    <xsl:variable name="received" select="tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']"/>
    <section class="metadata" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">About this letter</h2>
      <dl>
        <dt>From</dt><dd><xsl:call-template name="names"><xsl:with-param name="action" select="$sent"/></xsl:call-template></dd>
        <dt>To</dt><dd><xsl:call-template name="names"><xsl:with-param name="action" select="$received"/></xsl:call-template></dd>
        <dt>Place and date</dt>
        <dd><xsl:value-of select="$sent/tei:placeName"/>, <xsl:value-of select="$sent/tei:date"/></dd>
        <dt>Source</dt>
        <dd><xsl:value-of select="normalize-space(tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'published'])"/></dd>
        <dt>Transcription</dt>
        <dd><xsl:value-of select="tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'transcription']/tei:idno[@type = 'filename']"/>
          (SHA-256 <code><xsl:value-of select="tei:fileDesc/tei:sourceDesc/tei:bibl[@type = 'transcription']/tei:idno[@type = 'sha256']"/></code>)</dd>
        <dt>Licence</dt>
        <dd><xsl:apply-templates select="tei:fileDesc/tei:publicationStmt/tei:availability/tei:licence"/></dd>
        <dt>Encoding</dt>
        <dd><xsl:value-of select="tei:fileDesc/tei:titleStmt/tei:respStmt/tei:name"/>;
          <xsl:value-of select="tei:revisionDesc/tei:change[last()]"/></dd>
        <dt>Cite as</dt>
        <dd><xsl:value-of select="normalize-space(tei:fileDesc/tei:titleStmt/tei:title)"/>,
          <xsl:value-of select="normalize-space(tei:fileDesc/tei:publicationStmt/tei:publisher)"/>,
          id <code><xsl:value-of select="/tei:TEI/@xml:id"/></code></dd>
        <dt>TEI</dt>
        <dd><a href="{$tei-dir}{/tei:TEI/@xml:id}.xml" download="">Download the TEI XML</a></dd>
      </dl>
    </section>
  </xsl:template>

  <!-- The persons and organisations of a correspAction, joined by semicolons. -->
  <xsl:template name="names">
    <xsl:param name="action"/>
    <xsl:for-each select="$action/tei:persName | $action/tei:orgName">
      <xsl:if test="position() > 1">; </xsl:if>
      <xsl:value-of select="."/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:licence">
    <a href="{@target}" rel="license"><xsl:value-of select="normalize-space(.)"/></a>
  </xsl:template>

  <!-- ======================================================== the index -->

  <xsl:template match="/tei:teiCorpus">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Letters'"/>
      <xsl:with-param name="content">
        <h1>Letters</h1>
        <table class="index">
          <thead><tr><th scope="col">Date</th><th scope="col">From</th><th scope="col">To</th><th scope="col">Place</th><th scope="col">Letter</th></tr></thead>
          <tbody>
            <xsl:apply-templates select="tei:TEI" mode="index">
              <xsl:sort select="tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date/@when"/>
              <xsl:sort select="@xml:id"/>
            </xsl:apply-templates>
          </tbody>
        </table>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="index">
    <xsl:variable name="sent" select="tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']"/>
    <tr>
      <td><xsl:apply-templates select="$sent/tei:date"/></td>
      <td><xsl:call-template name="names"><xsl:with-param name="action" select="$sent"/></xsl:call-template></td>
      <td><xsl:call-template name="names"><xsl:with-param name="action" select="tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']"/></xsl:call-template></td>
      <td><xsl:value-of select="$sent/tei:placeName"/></td>
      <td><a href="{@xml:id}.html"><xsl:value-of select="normalize-space(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)"/></a></td>
    </tr>
  </xsl:template>

  <!-- ======================================================== the register -->

  <!-- Mentions in the letters' texts (not their headers), by entry; by entry and letter;
       by entry and paragraph. The match patterns have no predicate: libxslt matches a
       predicate by counting siblings, quadratic over a corpus of many letters. -->
  <xsl:key name="mentions" match="tei:persName | tei:placeName | tei:orgName | tei:rs"
           use="substring-after(@ref[ancestor::tei:text], '#')"/>
  <xsl:key name="mentions-in-letter" match="tei:persName | tei:placeName | tei:orgName | tei:rs"
           use="concat(substring-after(@ref[ancestor::tei:text], '#'), ' ', ancestor::tei:TEI/@xml:id)"/>
  <xsl:key name="mentions-in-paragraph" match="tei:persName | tei:placeName | tei:orgName | tei:rs"
           use="concat(substring-after(@ref[ancestor::tei:text], '#'), ' ', generate-id(ancestor::tei:p[parent::tei:div]))"/>

  <xsl:template match="/tei:teiCorpus[tei:TEI/tei:standOff]" priority="2">
    <xsl:call-template name="page">
      <xsl:with-param name="title" select="'Register'"/>
      <xsl:with-param name="content">
        <h1>Register</h1>
        <nav class="sections" aria-label="Register sections"><a href="#persons">Persons</a> · <a href="#places">Places</a> · <a href="#organisations">Organisations</a></nav>
        <xsl:apply-templates select="tei:TEI/tei:standOff/*" mode="register"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg" mode="register">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="self::tei:listPerson">persons</xsl:when>
        <xsl:when test="self::tei:listPlace">places</xsl:when>
        <xsl:otherwise>organisations</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <section id="{$id}" aria-labelledby="{$id}-heading">
      <h2 id="{$id}-heading"><xsl:value-of select="concat(translate(substring($id, 1, 1), 'pos', 'POS'), substring($id, 2))"/></h2>
      <xsl:apply-templates select="*" mode="register"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:person | tei:place | tei:org" mode="register">
    <xsl:variable name="entry" select="@xml:id"/>
    <xsl:variable name="mentions" select="key('mentions', $entry)"/>
    <article class="entry" id="{$entry}">
      <h3><xsl:value-of select="*[@type = 'reg']"/></h3>
      <p><xsl:value-of select="normalize-space(tei:note[@type = 'description'])"/></p>
      <xsl:if test="tei:idno[@type = 'wikidata' or @type = 'viaf' or @type = 'geonames']">
        <p class="authority"><xsl:apply-templates select="tei:idno" mode="register"/></p>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="$mentions">
          <ul class="mentions">
            <xsl:for-each select="$mentions[generate-id() = generate-id(key('mentions-in-letter', concat($entry, ' ', ancestor::tei:TEI/@xml:id))[1])]">
              <xsl:sort select="ancestor::tei:TEI/@xml:id"/>
              <xsl:variable name="letter" select="ancestor::tei:TEI"/>
              <li>
                <a href="{$letter/@xml:id}.html"><xsl:value-of select="normalize-space($letter/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)"/></a>
                <xsl:for-each select="key('mentions-in-letter', concat($entry, ' ', $letter/@xml:id))[ancestor::tei:p[parent::tei:div]][generate-id() = generate-id(key('mentions-in-paragraph', concat($entry, ' ', generate-id(ancestor::tei:p[parent::tei:div])))[1])]">
                  <xsl:variable name="n" select="count(ancestor::tei:p[parent::tei:div]/preceding-sibling::tei:p) + 1"/>
                  <xsl:text> </xsl:text><a href="{$letter/@xml:id}.html#p{$n}" aria-label="paragraph {$n}">¶<xsl:value-of select="$n"/></a>
                </xsl:for-each>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:when>
        <xsl:otherwise><p class="unmentioned">Not mentioned in these letters.</p></xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <xsl:template match="tei:idno[@type = 'wikidata']" mode="register">
    <a href="https://www.wikidata.org/wiki/{.}">Wikidata <xsl:value-of select="."/></a><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:idno[@type = 'viaf']" mode="register">
    <a href="https://viaf.org/viaf/{.}">VIAF <xsl:value-of select="."/></a><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:idno[@type = 'geonames']" mode="register">
    <a href="https://www.geonames.org/{.}">GeoNames <xsl:value-of select="."/></a><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="tei:idno" mode="register"/>

  <xsl:template match="tei:*" priority="-10">
    <xsl:call-template name="unhandled"/>
    <xsl:apply-templates/>
  </xsl:template>
</xsl:stylesheet>
