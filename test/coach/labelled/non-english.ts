/**
 * Answers not written in English, for the coach's language detection. They are neither strong nor weak:
 * the coach reads English only, so it must say so and give no score from English rules. Most are good
 * stories in their language; one mixes in English technical words, as people often do.
 */
import { GIVES_A_SCORE, GRAMMAR_COMPLAINT, READS_ENGLISH_ONLY } from './golden.ts';
import { COLLABORATION, DEBT, INCIDENTS, LEADERSHIP, LEARNING, type NonEnglishAnswer } from './types.ts';

const NOT_READ_AS_ENGLISH = {
  mustSay: [READS_ENGLISH_ONLY],
  mustNotSay: [GRAMMAR_COMPLAINT, ...GIVES_A_SCORE],
};

export const NON_ENGLISH: NonEnglishAnswer[] = [
  {
    id: 'non-english-es-incidents',
    topic: INCIDENTS,
    question: 1,
    language: 'es',
    note: 'Spanish: a complete incident story with a measured result.',
    answer: {
      situation:
        'En mi empresa anterior, el sistema de pagos empezó a fallar un viernes por la tarde. Alrededor del 10% de las transacciones daban error y el equipo de atención al cliente recibía muchas quejas.',
      task: 'Yo estaba de guardia esa semana, así que me tocaba encontrar la causa y restablecer el servicio lo antes posible.',
      action:
        'Primero revisé los registros y las métricas, y vi que el certificado de uno de nuestros proveedores había caducado. Cambié la configuración para usar el certificado nuevo, avisé al equipo de soporte de lo que estaba pasando y después añadí una alerta que nos avisa treinta días antes de que caduque cualquier certificado.',
      result:
        'El servicio volvió a la normalidad en 40 minutos y desde entonces no hemos tenido ningún incidente por certificados caducados.',
    },
    ...NOT_READ_AS_ENGLISH,
  },
  {
    id: 'non-english-es-leadership-mixed',
    topic: LEADERSHIP,
    question: 3,
    language: 'es',
    note: 'Spanish with English technical words mixed in (deploy, pull request, code review): still Spanish.',
    answer: {
      situation:
        'El año pasado entró en mi equipo un desarrollador junior que tenía miedo de tomar decisiones técnicas y siempre me preguntaba antes de hacer cualquier cambio.',
      task: 'Como su mentora, quería que aprendiera a decidir por sí mismo y a defender sus decisiones en el code review.',
      action:
        'En lugar de darle respuestas, le hacía preguntas sobre los riesgos de cada opción. Le pedí que escribiera una nota corta antes de cada pull request importante, explicando qué alternativas había considerado, y la revisábamos juntos una vez por semana. Cuando tuvo que elegir cómo hacer el deploy de un servicio nuevo, le dejé presentar su propuesta al equipo.',
      result:
        'A los seis meses ya tomaba decisiones solo, y ahora él mismo ayuda a la nueva persona del equipo con el mismo método.',
    },
    ...NOT_READ_AS_ENGLISH,
  },
  {
    id: 'non-english-de-collaboration',
    topic: COLLABORATION,
    question: 2,
    language: 'de',
    note: 'German: explaining a technical limit to the sales team.',
    answer: {
      situation:
        'Unser Vertriebsteam versprach Kunden immer wieder Datenexporte in Echtzeit, obwohl unser System die Daten nur einmal pro Stunde aktualisiert.',
      task: 'Ich sollte dem Vertrieb erklären, warum das so ist, ohne mich in technischen Details zu verlieren.',
      action:
        'Ich habe ein einfaches Bild gezeichnet, das den Weg der Daten vom Kunden bis zum Bericht zeigt, und es mit der Post verglichen: Briefe werden gesammelt und einmal am Tag zugestellt. Danach habe ich mit dem Vertriebsleiter drei Sätze formuliert, die sein Team im Kundengespräch verwenden kann.',
      result:
        'In den folgenden drei Monaten gab es keine einzige Beschwerde mehr wegen falscher Versprechen, vorher waren es etwa fünf pro Monat.',
    },
    ...NOT_READ_AS_ENGLISH,
  },
  {
    id: 'non-english-fr-learning',
    topic: LEARNING,
    question: 1,
    language: 'fr',
    note: 'French: learning a new technology under a deadline.',
    answer: {
      situation:
        "Notre équipe devait créer une application mobile en Flutter, alors que personne n'avait jamais utilisé ce framework, et nous avions seulement deux mois.",
      task: "En tant que développeuse la plus expérimentée, je devais apprendre Flutter rapidement et aider le reste de l'équipe à démarrer.",
      action:
        "J'ai suivi le tutoriel officiel pendant la première semaine, puis j'ai construit un petit prototype avec les deux écrans les plus compliqués. J'ai noté tous les pièges dans un document partagé et j'ai organisé trois ateliers d'une heure pour montrer à mes collègues ce que j'avais appris.",
      result:
        "L'application est sortie à temps, et le document que j'ai écrit sert encore aujourd'hui aux nouveaux arrivants de l'équipe.",
    },
    ...NOT_READ_AS_ENGLISH,
  },
  {
    id: 'non-english-pt-debt',
    topic: DEBT,
    question: 2,
    language: 'pt',
    note: 'Portuguese: convincing managers to invest in technical debt, with numbers.',
    answer: {
      situation:
        'O nosso sistema de faturação tinha muitos anos de código antigo, sem testes, e cada nova funcionalidade demorava o dobro do tempo previsto.',
      task: 'Eu precisava de convencer a direção a dar-nos tempo para melhorar o código antes do próximo grande projeto.',
      action:
        'Recolhi os dados dos últimos seis meses e mostrei que 40% do tempo da equipa era gasto a corrigir erros nesse sistema. Propus usar um sprint em cada quatro para reduzir a dívida técnica, começando pelas partes com mais erros, e apresentei o plano ao diretor financeiro com os custos em euros.',
      result:
        'A direção aprovou o plano. Seis meses depois, os erros em produção tinham caído para metade e as novas funcionalidades eram entregues dentro do prazo.',
    },
    ...NOT_READ_AS_ENGLISH,
  },
  {
    id: 'non-english-de-incidents-short',
    topic: INCIDENTS,
    question: 3,
    language: 'de',
    note: 'German, short: a terse answer is harder to detect than a long one.',
    answer: {
      situation: 'Die Datenbank war plötzlich nicht mehr erreichbar.',
      task: 'Ich musste entscheiden, was zuerst wiederhergestellt wird.',
      action: 'Ich habe zuerst den Bestellvorgang gerettet und alle anderen Dienste pausiert.',
      result: 'Nach zwanzig Minuten funktionierten die Bestellungen wieder.',
    },
    ...NOT_READ_AS_ENGLISH,
  },
];
