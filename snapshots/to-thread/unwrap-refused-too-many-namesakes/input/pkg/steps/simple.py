"""Pipeline steps: many classes share the method name `run`."""


class Step00:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 0}


class Step01:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 1}


class Step02:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 2}


class Step03:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 3}


class Step04:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 4}


class Step05:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 5}


class Step06:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 6}


class Step07:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 7}


class Step08:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 8}


class Step09:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 9}


class Step10:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 10}


class Step11:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 11}


class Step12:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 12}


class Step13:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 13}


class Step14:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 14}


class Step15:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 15}


class Step16:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 16}


class Step17:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 17}


class Step18:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 18}


class Step19:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 19}


class Step20:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 20}


class Step21:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 21}


class Step22:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 22}


class Step23:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 23}


class Step24:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 24}


class Step25:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 25}


class Step26:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 26}


class Step27:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 27}


class Step28:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 28}


class Step29:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 29}


class Step30:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 30}


class Step31:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 31}


class Step32:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 32}


class Step33:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 33}


class Step34:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 34}


class Step35:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 35}


class Step36:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 36}


class Step37:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 37}


class Step38:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 38}


class Step39:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 39}


class Step40:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 40}


class Step41:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 41}


class Step42:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 42}


class Step43:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 43}


class Step44:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 44}


class Step45:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 45}


class Step46:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 46}


class Step47:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 47}


class Step48:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 48}


class Step49:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 49}


class Step50:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 50}


class Step51:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 51}


class Step52:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 52}


class Step53:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 53}


class Step54:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 54}


class Step55:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 55}


class Step56:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 56}


class Step57:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 57}


class Step58:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 58}


class Step59:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 59}


class Step60:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 60}


class Step61:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 61}


class Step62:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 62}


class Step63:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 63}


class Step64:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 64}


class Step65:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 65}


class Step66:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 66}


class Step67:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 67}


class Step68:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 68}


class Step69:
    def run(self, payload: dict) -> dict:
        return {**payload, "step": 69}
