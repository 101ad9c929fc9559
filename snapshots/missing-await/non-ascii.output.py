async def envoyer_bienvenue(utilisateur, message="Bienvenue, café ☕"):
    ...


async def inscrire(utilisateur):
    await envoyer_bienvenue(utilisateur, message="Grüße — 日本語")  # déjà traduit
    profil = await envoyer_bienvenue(utilisateur)
    print(profil["nom"])
