// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { stemBelarusian } from './stem-be.ts';

/** The words' distinct stems: one when the stemmer takes them for forms of one word. */
function stems(text: string): string[] {
  return [...new Set(text.split(' ').map(stemBelarusian))];
}

describe('stemBelarusian: forms of one word share a stem', () => {
  it.each([
    // first declension, hard and soft, with plural genitive -аў, -яў and zero
    ['краіна краіны краіне краіну краінай краінаю краін краінам краінамі краінах'],
    ['зямля зямлі зямлю зямлёй зямлёю'],
    ['праваабаронца праваабаронцы праваабаронцу праваабаронцам праваабаронцаў'],
    ['арганізацыя арганізацыі арганізацыю арганізацыяй арганізацый арганізацыямі арганізацыях'],
    // second declension: masculine and neuter, -аў, -оў, -яў
    ['суд суда суду судом судзе суды судоў судам судамі судах'],
    ['пратэст пратэста пратэсты пратэстаў пратэсце'],
    ['затрыманне затрымання затрыманню затрыманнем затрыманні затрыманняў'],
    ['палітвязень палітвязня палітвязню палітвязні палітвязняў палітвязнямі'],
    ['Сяргей Сяргея Сяргею Сяргеем'],
    // third declension, plural genitive -ей, instrumental with a doubled consonant
    ['радасць радасці радасцю радасцей радасцям'],
    ['Беларусь Беларусі Беларуссю'],
    // fleeting vowels
    ['абавязак абавязку абавязкам абавязкі'],
    ['журналістка журналісткі журналістку журналістцы журналістак'],
    ['немец немца немцы немцаў'],
  ])('nouns: %s', (forms) => {
    expect(stems(forms.toLowerCase())).toHaveLength(1);
  });

  it.each([
    [
      'крымінальны крымінальная крымінальнае крымінальнага крымінальнаму крымінальным крымінальных крымінальнымі крымінальнай крымінальную крымінальныя крымінальнаю',
    ],
    [
      'беларускі беларуская беларускае беларускага беларускаму беларускім беларускіх беларускімі беларускай беларускую беларускія',
    ],
    ['малы малая малое малога малому малой малую'],
    // participles decline as adjectives
    [
      'затрыманы затрыманая затрыманага затрыманаму затрыманым затрыманых затрыманымі затрыманай затрыманую',
    ],
    ['працуючая працуючага працуючаму працуючых працуючымі'],
  ])('adjectives and participles: %s', (forms) => {
    expect(stems(forms)).toHaveLength(1);
  });

  it.each([
    // present, past, infinitive, imperative, gerund, reflexive -цца, -ецца, -юцца, -ся, -ліся
    [
      'парушаць парушаю парушаеш парушае парушаем парушаеце парушаюць парушаў парушала парушалі парушай парушайце парушаючы парушаўшы',
    ],
    ['парушацца парушаецца парушаюцца парушаўся парушалася парушаліся парушаюся парушаешся'],
    ['рабіць рабіў рабіла рабілі рабі рабіце робіш робіць робім робяць раблю'],
    ['вучыцца вучуся вучышся вучыцца вучымся вучацца вучыўся вучылася вучыліся'],
    ['разумець разумею разумееш разумее разумеюць разумеў разумела разумелі'],
    ['будаваць будую будуеш будуе будуюць будаваў будавала будавалі будуйце'],
    ['будавацца будуецца будуюцца будаваўся будавалася'],
    ['прасіць прасіў прасіла прасілі просіць просіш просім просяць'],
    ['прапанаваць прапануюць прапанавала прапануецца'],
    ['аднавіць аднаўлю аднавіў аднавіла'],
    ['пішаце пішам пішаш'],
  ])('verbs: %s', (forms) => {
    expect(stems(forms)).toHaveLength(1);
  });

  it.each([
    ['Бяляцкі Бяляцкага Бяляцкаму Бяляцкім'],
    ['Калеснікава Калеснікавай Калеснікаву Калеснікавую Калеснікавым'],
    ['Ціханоўская Ціханоўскай Ціханоўскую Ціханоўскаю'],
    ['Ціханоўскі Ціханоўскага Ціханоўскаму Ціханоўскім'],
    ['Лукашэнка Лукашэнкі Лукашэнку Лукашэнкам'],
    ['Алесь Алеся Алесю Алесем'],
    ['Андрэй Андрэя Андрэю Андрэем'],
    ['Мінск Мінска Мінску'],
    ['Вясна Вясны Вясне Вясну Вясной Вясною'],
  ])('names: %s', (forms) => {
    expect(stems(forms.toLowerCase())).toHaveLength(1);
  });

  it('meets unstressed а and stressed о, я and ё (аканне, яканне)', () => {
    expect(stems('горад горада гарады гарадоў')).toHaveLength(1);
    expect(stems('сяло сёлы')).toHaveLength(1);
    expect(stems('год года')).toHaveLength(1);
  });

  it('reads т and д for the ц and дз of a soft ending (цеканне, дзеканне)', () => {
    expect(stemBelarusian('праекце')).toBe(stemBelarusian('праекта'));
    expect(stemBelarusian('адвакаце')).toBe(stemBelarusian('адваката'));
    expect(stemBelarusian('свабодзе')).toBe(stemBelarusian('свабоды'));
  });

  it('finds "парушалася" from "парушаецца"', () => {
    expect(stemBelarusian('парушаецца')).toBe(stemBelarusian('парушалася'));
  });
});

describe('stemBelarusian: different words stay apart', () => {
  it.each([
    ['суд', 'суддзя'],
    ['правы', 'правілы'],
    ['праца', 'працэс'],
    ['вуліца', 'вулей'],
    ['дзяржава', 'дзяржаўны'],
    ['абаронца', 'абарона'],
    ['месца', 'месяц'],
    ['Алесь', 'Алена'],
    ['затрыманне', 'затрымаць'],
    ['палітвязень', 'палітыка'],
    ['крэсла', 'крэслены'],
  ])('%s and %s', (one, other) => {
    expect(stemBelarusian(one.toLowerCase())).not.toBe(stemBelarusian(other.toLowerCase()));
  });

  it('keeps short words whole', () => {
    for (const word of ['суд', 'акт', 'мір', 'яны', 'усе', 'ад', 'і']) {
      expect(stemBelarusian(word)).toBe(word);
    }
    // Only their spelling of unstressed о and ё changes, as in every stem.
    expect(stemBelarusian('дом')).toBe('дам');
    expect(stemBelarusian('ён')).toBe('ян');
  });

  it('never leaves fewer than three letters of a longer word', () => {
    for (const word of ['мыла', 'мыецца', 'ішла', 'сіла', 'знаць', 'увага', 'аюць', 'ўся']) {
      expect(stemBelarusian(word).length).toBeGreaterThanOrEqual(3);
    }
  });

  it('does not take a name for a reflexive verb', () => {
    expect(stemBelarusian('алеся')).toBe('алес');
    expect(stemBelarusian('антося')).toBe(stemBelarusian('антось'));
  });
});

describe('stemBelarusian: any input', () => {
  it('returns words it cannot read as they are, and never throws', () => {
    expect(stemBelarusian('')).toBe('');
    expect(stemBelarusian('a')).toBe('a');
    expect(stemBelarusian('bialiatski')).toBe('bialiatski');
    expect(stemBelarusian('2024')).toBe('2024');
    expect(stemBelarusian('ццццц')).toBe('ццццц');
    for (const word of ['ааааа', 'ьььь', 'ўўўў', 'цца', 'ццаа', 'ся', 'ыся', 'аўцы', 'яяяяцца']) {
      expect(stemBelarusian(word).length).toBeGreaterThanOrEqual(Math.min(word.length, 3));
    }
  });

  it('leaves a Russian-looking word recognisable', () => {
    expect(stemBelarusian('организаций')).toMatch(/^арганиз/);
    expect(stemBelarusian('свободы')).toBe(stemBelarusian('свобода'));
  });
});
