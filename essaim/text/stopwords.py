"""French and English stop words, already folded (lower case, no accents).

Kept short on purpose: words so common that matching them says nothing about a post.
Negations ("pas", "not", "no") are kept out of the lists so that they stay searchable.
"""

FRENCH = frozenset("""
a ai aie aient aies ait alors as au aucun aucune aupres aura aurai auraient aurais aurait
auras aurez auriez aurions aurons auront aussi autre autres aux avaient avais avait avant avec
avez aviez avions avoir avons ayant ayez ayons c ca ce ceci cela celle celles celui ces cet
cette ceux chaque chez ci comme d dans de des deja depuis doit donc dont du elle elles en
encore entre es est et etaient etais etait etant ete etes etiez etions etre eu eue eues eumes
eurent eus eusse eussent eusses eussiez eussions eust eut eutes eux fait fut fumes furent fus
fusse fussent fusses fussiez fussions fut futes ici il ils j je jusqu l la le les leur leurs
lors lorsqu lui m ma mais me meme memes mes moi mon n ne ni nos notre nous on ont ou par
parce pendant peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui quoi s sa
sans se sera serai seraient serais serait seras serez seriez serions serons seront ses si
sien sienne soi soient sois soit sommes son sont soyez soyons suis sur t ta te tes toi ton
tous tout toute toutes tres tu un une unes uns vers voici voila vos votre vous y
""".split())

ENGLISH = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further
had has have having he her here hers herself him himself his i if in into is it its itself
just me more most my myself no nor of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves s t d ll m re ve
""".split())

BY_LANGUAGE = {"fr": FRENCH, "en": ENGLISH}
